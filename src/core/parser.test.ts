import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import { compileSource } from './compile.ts';
import { evaluate } from './evaluate.ts';
import { FUNCTIONS } from './functions.ts';
import { parse } from './parser.ts';
import { programToSExpr } from './sexpr.ts';

function sexpr(source: string): string {
  const parsed = parse(source);
  if (!parsed.ok) throw new Error(`${parsed.error.message} at ${parsed.error.line}:${parsed.error.column}`);
  return programToSExpr(parsed.program);
}

describe('precedence and associativity, as S-expressions', () => {
  it.each([
    ['-x^2', '(neg (^ x 2))'],
    ['2^3^2', '(^ 2 (^ 3 2))'],
    ['x^-2', '(^ x (neg 2))'],
    ['2^-3^2', '(^ 2 (neg (^ 3 2)))'],
    ['x^-y^z', '(^ x (neg (^ y z)))'],
    ['(-x)^2', '(^ (neg x) 2)'],
    ['(x^2)^3', '(^ (^ x 2) 3)'],
    ['a/b*c', '(* (/ a b) c)'],
    ['a-b-c', '(- (- a b) c)'],
    ['a-b+c', '(+ (- a b) c)'],
    ['a+b*c', '(+ a (* b c))'],
    ['a*b^c', '(* a (^ b c))'],
    ['x**2', '(^ x 2)'],
    ['x**y**z', '(^ x (^ y z))'],
    ['-a*b', '(* (neg a) b)'],
    ['a*-b', '(* a (neg b))'],
    ['a--b', '(- a (neg b))'],
    ['--x', '(neg (neg x))'],
    ['+x', '(pos x)'],
    ['-x^2^3', '(neg (^ x (^ 2 3)))'],
    ['2*-x^2', '(* 2 (neg (^ x 2)))'],
    ['max(a, b) * c', '(* (max a b) c)'],
    ['pow(a, b)^c', '(^ (pow a b) c)'],
    ['sin(x)^2', '(^ (sin x) 2)'],
    ['-sin(x)', '(neg (sin x))'],
    ['max(-a, b - c)', '(max (neg a) (- b c))'],
    ['exp(-(a + b))', '(exp (neg (+ a b)))'],
    ['((x))', 'x'],
  ])('%s parses as %s', (source, expected) => {
    expect(sexpr(source)).toBe(expected);
  });

  it('agrees with JavaScript on the value of precedence-heavy expressions', () => {
    const cases: [string, number][] = [
      ['-2^2', -(2 ** 2)], ['2^3^2', 2 ** (3 ** 2)], ['2^-1', 2 ** -1], ['2^-3^2', 2 ** -(3 ** 2)],
      ['8/4*2', (8 / 4) * 2], ['8/4/2', 8 / 4 / 2], ['1-2-3', 1 - 2 - 3], ['-3*-2', -3 * -2], ['2**3**2', 2 ** (3 ** 2)],
    ];
    for (const [source, value] of cases) {
      const result = evaluate(source);
      expect(result.ok && result.output.value).toBe(value);
    }
  });
});

describe('statements, numbers and spacing', () => {
  it('reads numbers in every written form: 12, 1.5, .5, 3., 1e-3, 2.5E+4, 2e1', () => {
    expect(sexpr('12 + 1.5 + .5 + 3. + 1e-3 + 2.5E+4 + 2e1')).toBe('(+ (+ (+ (+ (+ (+ 12 1.5) 0.5) 3) 0.001) 25000) 20)');
  });

  it('marks `name = -?NUMBER` as an input and any other assignment as an intermediate', () => {
    expect(sexpr('a = 2; b = -3; c = - 4; k = 2*3; y = a; z = (5); w = +5; a + b')).toBe(
      '(input a 2) (input b (neg 3)) (input c (neg 4)) (= k (* 2 3)) (= y a) (= z 5) (= w (pos 5)) (+ a b)');
  });

  it('splits statements at newlines and semicolons and ignores blank ones', () => {
    expect(sexpr('\n;; a = 1;\n\n b = a * 2 ;\n')).toBe('(input a 1) (= b (* a 2))');
  });

  it('skips comments, tabs and carriage returns', () => {
    expect(sexpr('a = 1 # the first input\r\n\tb\t=\ta*2 # twice a\r\n# done')).toBe('(input a 1) (= b (* a 2))');
  });

  it('reads back every finite number JavaScript writes, exactly', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
      const result = evaluate(`x = ${v}`);
      expect(result.ok && result.inputs[0]?.value).toBe(v === 0 ? 0 : v); // String(-0) is '0'
    }), { numRuns: 1000 });
  });
});

const LANGUAGE_TOKENS = [
  'x', 'y', 'z', 'f', '_a1', '__proto__', 'constructor', ...Object.keys(FUNCTIONS),
  '0', '1', '2.5', '.5', '3.', '1e-3', '2E+4', '1e', '1.2.3', '2x',
  '+', '-', '*', '/', '^', '**', '(', ')', ',', '=', ';', '\n', '\r\n', ' ', '\t', '#', '# note\n',
  '@', '[', ']', '.T', 'M', '[1, 2]', '[[1, 2], [3, 4]]', '[0]', '[-1, 0]',
  '$', '!', '{', '.', 'é', '😀', '\u0000',
];

/** Random text made of the language's own tokens: mostly near-misses of valid formulas. */
const tokenSoup = fc.array(fc.constantFrom(...LANGUAGE_TOKENS), { maxLength: 40 }).map((t) => t.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));

/** Where a position may point: at a character of its line, or just after the line's last one. */
function isInside(source: string, line: number, column: number): boolean {
  const lines = source.split(/\r\n|\r|\n/);
  return Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length &&
    column >= 1 && column <= (lines[line - 1] as string).length + 1;
}

describe('any string', () => {
  it.each([['token soup', tokenSoup], ['arbitrary text', anyText]] as const)(
    '(%s) yields a result or an error positioned inside the source, and never throws', (_kind, text) => {
      fc.assert(fc.property(text, (source) => {
        const compiled = compileSource(source); // throws only on a bug: evaluate() would hide that as "internal error"
        const result = evaluate(source);
        expect(result.ok).toBe(compiled.ok);
        if (!result.ok) {
          expect(result.error.message).not.toMatch(/internal error/);
          expect(result.error.message).toMatch(/expect/);
          expect(isInside(source, result.error.line, result.error.column)).toBe(true);
        }
      }), { numRuns: 1500 });
    });

  it('is parsed the same way whatever spaces and tabs separate its tokens', () => {
    const spaced = fc.array(fc.constantFrom('a', 'b', '2', '+', '-', '*', '/', '^', '(', ')', 'sin(', 'max(', ','), { minLength: 1, maxLength: 20 });
    fc.assert(fc.property(spaced, fc.constantFrom('\t', '  ', ' \t '), (tokens, gap) => {
      const tight = parse(tokens.join(' '));
      const loose = parse(tokens.join(gap));
      expect(loose.ok).toBe(tight.ok);
      if (tight.ok && loose.ok) expect(programToSExpr(loose.program)).toBe(programToSExpr(tight.program));
    }), { numRuns: 500 });
  });
});
