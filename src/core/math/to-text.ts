import { formatFull, parenthesize } from '../number-format.ts';
import { formatShort, formatTensor } from '../tensor/format-tensor.ts';
import { group, type Expr } from './expr.ts';
import { wrapsChild, wrapsLeft, wrapsRight } from './precedence.ts';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The expression as the app writes it in plain text: `∂f/∂q · ∂q/∂x = -4 · 1 = -4`. */
export function toText(e: Expr): string {
  switch (e.kind) {
    case 'sym': return e.name;
    case 'num': return formatFull(e.value);
    case 'text': return e.text;
    case 'partial': return `∂${toText(parens(e.of))}/∂${toText(parens(e.wrt))}`;
    case 'binary': {
      const l = wrapsLeft(e) ? `(${toText(e.left)})` : toText(e.left);
      const r = wrapsRight(e) ? `(${toText(e.right)})` : toText(e.right);
      if (e.tight) return `${l}${e.op}${r}`;
      if (e.op === ',') return `${l}, ${r}`;
      if (e.op === ' ') return `${l} ${r}`;
      return `${l} ${e.op} ${r}`;
    }
    case 'neg': return `-${child(e, e.arg)}`;
    case 'call': return `${e.fn}(${e.args.map(toText).join(', ')})`;
    case 'pow': {
      const base = child(e, e.base, 'base');
      if (e.superscript && e.exp.kind === 'num' && Number.isInteger(e.exp.value) && e.exp.value >= 0) {
        return base + String(e.exp.value).replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)] as string);
      }
      return `${base}^${child(e, e.exp, 'exp')}`;
    }
    case 'frac': return `${child(e, e.num, 'num')}/${child(e, e.den, 'den')}`;
    case 'transpose': return `${child(e, e.arg)}ᵀ`;
    case 'index': return `${child(e, e.base)}[${e.at.join(', ')}]`;
    case 'group': return `(${toText(e.inner)})`;
    case 'iverson': return `[${toText(e.inner)}]`;
    case 'sum': return `Σ ${child(e, e.arg)}`;
    case 'dims': return e.dims.map((d) => (e.grouped ? d.toLocaleString('en-US') : String(d))).join('×');
    case 'tensor': return formatTensor(e.values, e.shape, formatShort);
    case 'line': return e.parts.map(toText).join('');
  }
}

function child(parent: Expr, e: Expr, role?: Parameters<typeof wrapsChild>[2]): string {
  return wrapsChild(parent, e, role) ? `(${toText(e)})` : toText(e);
}

/** The expression in parentheses unless its text is a plain name or a non-negative number: `parenthesize`, on data. */
export function parens(e: Expr): Expr {
  const written = toText(e);
  return parenthesize(written) === written ? e : group(e);
}
