import { formatShort } from '../tensor/format-tensor.ts';
import type { BinaryOp, Expr } from './expr.ts';
import { nameLatex, numberLatex, textLatex } from './latex-escape.ts';
import { wrapsChild, wrapsLeft, wrapsRight } from './precedence.ts';
import { toText } from './to-text.ts';
import { parenthesize } from '../number-format.ts';

const OPERATORS: Readonly<Record<BinaryOp, string>> = {
  '+': '+', '-': '-', '−': '-', '·': '\\cdot', '×': '\\times', '/': '/', '⊙': '\\odot', '@': '\\mathbin{@}', ' ': '\\,',
  '=': '=', '≥': '\\geq', '>': '>', '≤': '\\leq', '<': '<', '→': '\\to', ',': ',\\;',
};

/** Functions with a LaTeX operator of their own; any other plain name is an `\operatorname`. */
const FUNCTIONS: Readonly<Record<string, string>> = {
  exp: '\\exp', log: '\\log', sin: '\\sin', cos: '\\cos', tanh: '\\tanh', max: '\\max', min: '\\min', 'σ': '\\sigma',
};

const paren = (s: string) => `\\left(${s}\\right)`;

/** The expression as LaTeX for KaTeX: `\frac{\partial f}{\partial q}`. Every name and every word is escaped. */
export function toLatex(e: Expr): string {
  switch (e.kind) {
    case 'sym': return nameLatex(e.name);
    case 'num': return numberLatex(e.value);
    case 'text': return textLatex(e.text);
    case 'partial': return `\\frac{\\partial ${wrapped(e.of)}}{\\partial ${wrapped(e.wrt)}}`;
    case 'binary': {
      const l = wrapsLeft(e) ? paren(toLatex(e.left)) : toLatex(e.left);
      const r = wrapsRight(e) ? paren(toLatex(e.right)) : toLatex(e.right);
      return `${l} ${OPERATORS[e.op]} ${r}`;
    }
    case 'neg': return `-${child(e, e.arg)}`;
    case 'call': return callLatex(e.fn, e.args);
    case 'pow': return `{${child(e, e.base, 'base')}}^{${toLatex(ungrouped(e.exp))}}`;
    case 'frac': return `\\frac{${toLatex(ungrouped(e.num))}}{${toLatex(ungrouped(e.den))}}`;
    case 'transpose': return `{${child(e, e.arg)}}^{\\top}`;
    case 'index': return `{${child(e, e.base)}}_{[${e.at.join(',')}]}`;
    case 'group': return paren(toLatex(e.inner));
    case 'iverson': return `\\left[${toLatex(e.inner)}\\right]`;
    case 'sum': return `\\sum ${child(e, e.arg)}`;
    case 'dims': return e.dims.map((d) => (e.grouped ? d.toLocaleString('en-US').replace(/,/g, '{,}') : String(d))).join(' \\times ');
    case 'tensor': return tensorLatex(e.values, e.shape);
    case 'line': return e.parts.map(toLatex).join('');
  }
}

function child(parent: Expr, e: Expr, role?: Parameters<typeof wrapsChild>[2]): string {
  return wrapsChild(parent, e, role) ? paren(toLatex(e)) : toLatex(e);
}

/** A fraction bar or an exponent's position already groups, so parentheses written for the text are dropped. */
const ungrouped = (e: Expr): Expr => (e.kind === 'group' ? e.inner : e);

/** Parenthesised where the text form would be (`∂(x + y)`), decided on that text by `parenthesize`. */
function wrapped(e: Expr): string {
  const written = toText(e);
  return parenthesize(written) === written ? toLatex(e) : paren(toLatex(e));
}

function callLatex(fn: string, args: readonly Expr[]): string {
  const inner = args.map(toLatex).join(',\\, ');
  if (fn === 'sqrt') return `\\sqrt{${inner}}`;
  if (fn === 'abs') return `\\left|${inner}\\right|`;
  const name = FUNCTIONS[fn] ?? (/^[A-Za-z]+$/.test(fn) ? `\\operatorname{${fn}}` : textLatex(fn));
  return `${name}${paren(inner)}`;
}

function tensorLatex(values: readonly number[], shape: readonly number[]): string {
  if (shape.length === 0) return numberLatex(values[0] as number, formatShort);
  const cols = shape[shape.length - 1] as number;
  const rows = shape.length === 1 ? 1 : (shape[0] as number);
  const body = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => numberLatex(values[r * cols + c] as number, formatShort)).join(' & ')).join(' \\\\ ');
  return `\\begin{bmatrix}${body}\\end{bmatrix}`;
}
