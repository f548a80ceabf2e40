import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  binary, call, dims, frac, group, index, iverson, line, neg, num, partial, pow, squared, sumOf, sym, tensor, text, toLatex, transpose,
  type BinaryOp, type Expr,
} from './index.ts';

/** Characters a name or a sentence could bring: every LaTeX special, brackets, scripts, symbols, and any code point. */
const special = fc.constantFrom(...'\\{}$&#^_%~[](),. -+*/=@ⁿ²ᵀ₀₁₉…Σσ∂·×−⊙→≥≤∞√‖'.split(''), '\n');
const letter = fc.constantFrom(...'abcxyzWX019_'.split(''));
const words = fc.string({ unit: fc.oneof(special, letter, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 12 });
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}[₀-₉]{0,2}(\[\d,\d\])?$/);
const OPS: BinaryOp[] = ['+', '-', '−', '·', '×', '/', '⊙', '@', ' ', '=', '≥', '>', '≤', '<', '→', ','];

const expressions = fc.letrec<{ e: Expr }>((tie) => {
  const e = tie('e') as fc.Arbitrary<Expr>;
  const leaf = fc.oneof(
    fc.oneof(identifier, words).map(sym),
    fc.double().map(num),
    words.map(text),
    fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 2 }).chain((shape) => fc.boolean().map((g) => dims(shape, g))),
    fc.array(fc.double(), { minLength: 4, maxLength: 4 }).map((v) => tensor(v, [2, 2])),
  );
  return {
    e: fc.oneof({ depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(fc.constantFrom(...OPS), e, e, fc.boolean()).map(([op, l, r, tight]) => binary(op, l, r, tight)),
      fc.tuple(e, e).map(([a, b]) => partial(a, b)),
      fc.tuple(e, e).map(([a, b]) => frac(a, b)),
      fc.tuple(e, e).map(([a, b]) => pow(a, b)),
      fc.tuple(fc.oneof(words, fc.constantFrom('exp', 'σ', 'sqrt', 'abs', 'max', 'diag')), fc.array(e, { maxLength: 3 })).map(([f, args]) => call(f, ...args)),
      fc.array(fc.oneof(e, words), { maxLength: 4 }).map((parts) => line(...parts)),
      e.map(neg), e.map(squared), e.map(transpose), e.map(group), e.map(iverson), e.map(sumOf),
      fc.tuple(e, fc.array(fc.nat(20), { minLength: 1, maxLength: 2 })).map(([b, at]) => index(b, at)),
    ),
  };
}).e;

/** Braces opened and closed in order, with `\{`, `\}` and `\\` read as escapes. */
function balanced(latex: string): boolean {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('toLatex of any expression with any names', () => {
  it('never unbalances braces', () => {
    fc.assert(fc.property(expressions, (e) => balanced(toLatex(e))), { seed: 231, numRuns: 2000 });
  });

  it('always compiles in KaTeX', () => {
    fc.assert(fc.property(expressions, (e) => {
      expect(() => katex.renderToString(toLatex(e), { throwOnError: true, strict: 'ignore' })).not.toThrow();
    }), { seed: 4, numRuns: 400 });
  });
});
