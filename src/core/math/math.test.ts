import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { gate, type Op, type Terms } from '../gates.ts';
import {
  binary, call, dims, equals, frac, group, line, lineRows, nameLatex, neg, num, over, parens, partial, plus, squared, sumOf, sym,
  tensor, text, textLatex, times, toLatex, toText, transpose, type Expr,
} from './index.ts';

const names: Terms = { a: sym('x'), b: sym('y'), c: num(-2), out: sym('f₁') };
const rendered = (e: Expr) => [toText(e), toLatex(e)];
const compiles = (latex: string) => katex.renderToString(latex, { throwOnError: true, strict: 'error' });

describe('gate formulas, written as text and as LaTeX', () => {
  it.each<[Op, string, string, string, string]>([
    ['add', 'x + y', 'x + y', '1', '1'],
    ['mul', 'x · y', 'x \\cdot y', 'y', 'y'],
    ['div', 'x / y', 'x / y', '1/y', '\\frac{1}{y}'],
    ['pow', 'x^y', '{x}^{y}', 'y·x^(y-1)', 'y \\cdot {x}^{y - 1}'],
    ['max', 'max(x, y)', '\\max\\left(x,\\, y\\right)', '[x ≥ y]', '\\left[x \\geq y\\right]'],
    ['mulc', '-2 · x', '-2 \\cdot x', '-2', '-2'],
    ['addc', 'x + (-2)', 'x + \\left(-2\\right)', '1', '1'],
    ['rdivc', '-2 / x', '-2 / x', '--2/x²', '-\\frac{-2}{{x}^{2}}'],
    ['sqrt', 'sqrt(x)', '\\sqrt{x}', '1/(2·sqrt(x))', '\\frac{1}{2 \\cdot \\sqrt{x}}'],
    ['sigmoid', 'σ(x)', '\\sigma\\left(x\\right)', '(1 - f₁)·f₁', '\\left(1 - f_{1}\\right) \\cdot f_{1}'],
    ['tanh', 'tanh(x)', '\\tanh\\left(x\\right)', '1 - f₁²', '1 - {f_{1}}^{2}'],
    ['relu', 'max(0, x)', '\\max\\left(0,\\, x\\right)', '[x > 0]', '\\left[x > 0\\right]'],
  ])('%s: %s', (op, textForm, latexForm, localText, localLatex) => {
    const spec = gate(op);
    expect(rendered(spec.formula(names))).toEqual([textForm, latexForm]);
    expect(rendered(spec.localFormula(0, names))).toEqual([localText, localLatex]);
    compiles(latexForm);
    compiles(localLatex);
  });

  it('writes the numbers of a step into the same formula', () => {
    expect(toText(gate('mul').formula({ a: num(3), b: num(-4), c: num(0), out: num(-12) }))).toBe('3 · (-4)');
    expect(toText(gate('div').localFormula(1, { a: num(1), b: sym('x + y'), c: num(0), out: sym('q') }))).toBe('-1/(x + y)²');
  });
});

describe('the chain rule, as the panel and as a paper write it', () => {
  const chain = equals(partial(sym('f'), sym('x')), times(partial(sym('f'), sym('q')), partial(sym('q'), sym('x'))), times(num(-4), num(1)), num(-4));
  it('∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4', () => {
    expect(rendered(chain)).toEqual([
      '∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4',
      '\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial q} \\cdot \\frac{\\partial q}{\\partial x} = -4 \\cdot 1 = -4',
    ]);
  });

  it('parenthesises a wire named by its expression inside ∂, as `parenthesize` does', () => {
    expect(rendered(partial(sym('f'), sym('x + y')))).toEqual(['∂f/∂(x + y)', '\\frac{\\partial f}{\\partial \\left(\\text{x + y}\\right)}']);
  });

  it('adds the parentheses precedence needs, and keeps the ones asked for', () => {
    expect(toText(times(plus(sym('a'), sym('b')), sym('c')))).toBe('(a + b) · c');
    expect(toText(binary('-', sym('a'), binary('-', sym('b'), sym('c'))))).toBe('a - (b - c)');
    expect(toText(neg(frac(sym('a'), squared(sym('b')))))).toBe('-a/b²');
    expect(toText(parens(num(-4)))).toBe('(-4)');
    expect(toText(parens(num(4)))).toBe('4');
    expect(toLatex(frac(group(sym('a')), group(plus(sym('b'), num(1)))))).toBe('\\frac{a}{b + 1}');
  });

  it('writes shapes, tensors, sums and transposes', () => {
    const shapes = group(equals(times(dims([2, 1]), dims([1, 2])), dims([2, 2])));
    expect(rendered(shapes)).toEqual(['(2×1 · 1×2 = 2×2)', '\\left(2 \\times 1 \\cdot 1 \\times 2 = 2 \\times 2\\right)']);
    expect(rendered(tensor([0.088, 0.176, 0.104, 0.208], [2, 2]))).toEqual([
      '[[0.088, 0.176], [0.104, 0.208]]', '\\begin{bmatrix}0.088 & 0.176 \\\\ 0.104 & 0.208\\end{bmatrix}',
    ]);
    expect(rendered(times(partial(sym('f'), sym('q')), transpose(sym('x'))))).toEqual(['∂f/∂q · xᵀ', '\\frac{\\partial f}{\\partial q} \\cdot {x}^{\\top}']);
    expect(toText(sumOf(binary('⊙', sym('u'), sym('p'))))).toBe('Σ u ⊙ p');
    expect(toText(dims([4096, 4096], true))).toBe('4,096×4,096');
    compiles(toLatex(dims([4096, 4096], true)));
  });

  it('writes numbers through formatFull in both forms', () => {
    expect(rendered(num(1 / 3))).toEqual(['0.333333', '0.333333']);
    expect(rendered(num(-1.5e-7))).toEqual(['-1.5e-7', '-1.5\\mathrm{e}{-7}']);
    expect(rendered(num(-Infinity))).toEqual(['-∞', '-\\infty']);
    expect(rendered(num(NaN))).toEqual(['NaN', '\\mathrm{NaN}']);
  });

  it('keeps prose as prose and cuts a line at its breaks', () => {
    const l = line('Upstream: ', equals(partial(sym('f'), sym('q')), num(-4)), '\nq feeds 2 branches');
    expect(toText(l)).toBe('Upstream: ∂f/∂q = -4\nq feeds 2 branches');
    expect(lineRows(l).map(toText)).toEqual(['Upstream: ∂f/∂q = -4', 'q feeds 2 branches']);
    expect(toLatex(line('mean: ', over(sym('a'), sym('N'))))).toBe('\\text{mean: }a / N');
    expect(toText(call('diag', sym('p')))).toBe('diag(p)');
  });
});

describe('names and prose escaped for LaTeX', () => {
  it.each([
    ['x', 'x'],
    ['data_loss', '\\mathit{data\\_loss}'],
    ['f₁', 'f_{1}'],
    ['u₁₂', 'u_{12}'],
    ['W1[0,2]', '\\mathit{W1}_{[0,2]}'],
    ['f₁[1]', '{f_{1}}_{[1]}'],
    ['__proto__', '\\mathit{\\_\\_proto\\_\\_}'],
    ['x + y', '\\text{x + y}'],
    ['(constructor + __…', '\\text{(constructor + \\_\\_}\\ldots '],
    ['Σ exp(x)', '\\Sigma \\text{ exp(x)}'],
  ])('%s is %s', (name, latex) => {
    expect(nameLatex(name)).toBe(latex);
    compiles(latex);
  });

  it('escapes every character LaTeX gives a meaning to', () => {
    const nasty = '\\ { } $ & # ^ _ % ~ \\def\\x{1} }{ $x$';
    const latex = textLatex(nasty);
    expect(latex).toBe('\\text{\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{} \\textbackslash{}def\\textbackslash{}x\\{1\\} \\}\\{ \\$x\\$}');
    const mathml = katex.renderToString(latex, { throwOnError: true, strict: 'error', output: 'mathml' });
    const shown = [...mathml.matchAll(/<mtext>(.*?)<\/mtext>/g)].map((m) => m[1]).join('').replace(/&amp;/g, '&').replace(/\u00a0/g, ' ');
    expect(shown).toBe(nasty);
    expect(toLatex(sym(nasty))).toBe(latex);
    expect(toLatex(text('a²ᵀ'))).toBe('\\text{a}^{2}{}^{\\top}');
    compiles(toLatex(text('a²ᵀ₁ x')));
  });
});
