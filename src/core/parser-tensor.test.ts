import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import type { Expr, Statement } from './ast.ts';
import { parse } from './parser.ts';
import { programToSExpr, toSExpr } from './sexpr.ts';

function statements(source: string): readonly Statement[] {
  const parsed = parse(source);
  if (!parsed.ok) throw new Error(`${parsed.error.message} at ${parsed.error.line}:${parsed.error.column}`);
  return parsed.program.statements;
}

const sexpr = (source: string) => programToSExpr({ statements: statements(source) });
const only = (source: string) => statements(source)[0]?.expr as Expr;

describe('postfix [i] and .T bind tightest; @ is a product at the precedence of *', () => {
  it.each([
    ['-v[0]^2', '(neg (^ (index v 0) 2))'],
    ['x^y[0]', '(^ x (index y 0))'],
    ['-M.T', '(neg (T M))'],
    ['2^M.T', '(^ 2 (T M))'],
    ['a @ b * c', '(* (@ a b) c)'],
    ['a * b @ c', '(@ (* a b) c)'],
    ['a @ b @ c', '(@ (@ a b) c)'],
    ['a + b @ c', '(+ a (@ b c))'],
    ['a @ b ^ 2', '(@ a (^ b 2))'],
    ['-a @ b', '(@ (neg a) b)'],
    ['W @ x.T', '(@ W (T x))'],
    ['W @ x + b', '(+ (@ W x) b)'],
    ['x.T.T', '(T (T x))'],
    ['M[0, -1]', '(index M 0 -1)'],
    ['v[-0]', '(index v 0)'],
    ['M[0][1]', '(index (index M 0) 1)'],
    ['M[0].T', '(T (index M 0))'],
    ['M.T[1, 2]', '(index (T M) 1 2)'],
    ['M . T [ 1 , 2 ]', '(index (T M) 1 2)'],
    ['(a + b)[1]', '(index (+ a b) 1)'],
    ['sum(x)[0]', '(index (sum x) 0)'],
    ['softmax(W @ x)[2]', '(index (softmax (@ W x)) 2)'],
    ['[1, 2][0]', '(index [1 2] 0)'],
    ['[[1, 2]].T', '(T [[1 2]])'],
    ['dot([1, 2], v) + sum(M, 1)', '(+ (dot [1 2] v) (sum M 1))'],
    ['2 @ 3', '(@ 2 3)'], // a shape error, reported by the compiler
  ])('%s parses as %s', (source, expected) => {
    expect(sexpr(source)).toBe(expected);
  });
});

describe('array literals', () => {
  it.each([
    ['[1, 2]', [2], [1, 2]],
    ['[-2, +1.5, 1e-3, .5, 3.]', [5], [-2, 1.5, 0.001, 0.5, 3]],
    ['[7]', [1], [7]],
    ['[[1, 2], [3, 4]]', [2, 2], [1, 2, 3, 4]],
    ['[[1, 2, 3]]', [1, 3], [1, 2, 3]],
    ['[[1], [2]]', [2, 1], [1, 2]],
    ['[[1, - 2], [-3, 4], [5, 6]]', [3, 2], [1, -2, -3, 4, 5, 6]],
  ])('%s has shape %j and values %j, row by row', (source, shape, values) => {
    expect(only(source)).toMatchObject({ kind: 'array', shape, values });
  });

  it('writes vectors and matrices as bracketed S-expressions', () => {
    expect(sexpr('v = [1, -2]; M = [[1, 2], [3, 4]]')).toBe('(input v [1 -2]) (input M [[1 2] [3 4]])');
  });

  it('may be written a row a line, with comments, since a line break inside [ ] is a space', () => {
    const source = [
      'W = [[1, 2],   # the first row',
      '     [3, 4]]   # the second',
      'v = [',
      '  5,',
      '  6',
      ']',
      'f = W @ v',
    ].join('\n');
    expect(sexpr(source)).toBe('(input W [[1 2] [3 4]]) (input v [5 6]) (= f (@ W v))');
    expect(sexpr(source.replaceAll('\n', '\r\n'))).toBe('(input W [[1 2] [3 4]]) (input v [5 6]) (= f (@ W v))');
  });

  it('keeps counting lines inside brackets, so later positions are right', () => {
    expect(parse('M = [[1, 2],\n     [3, 4]]\nf = M $')).toMatchObject({ ok: false, error: { line: 3, column: 7 } });
    expect(parse('M = [[1, 2],\r\n     [3, 4]]\r\nf = M $')).toMatchObject({ ok: false, error: { line: 3, column: 7 } });
  });
});

describe('source ranges of the new nodes', () => {
  it('an array spans its brackets, and its span is the opening [', () => {
    const e = only('f = [[1, 2], [3, 4]] + 1');
    expect(e.kind === 'binary' && e.left).toMatchObject({ kind: 'array', span: { offset: 4, column: 5, length: 1 }, start: 4, end: 20 });
  });

  it('an index spans its operand (with the parentheses around it) through the ], and its span is the [', () => {
    const e = only('(a + b)[1]');
    expect(e).toMatchObject({ kind: 'index', span: { offset: 7, length: 1 }, start: 0, end: 10, arg: { start: 1, end: 6 } });
  });

  it('each index literal spans its sign and digits', () => {
    const e = only('M[0, -12]');
    expect(e.kind === 'index' && e.indices).toEqual([
      { value: 0, span: { offset: 2, line: 1, column: 3, length: 1 } },
      { value: -12, span: { offset: 5, line: 1, column: 6, length: 3 } },
    ]);
  });

  it('a transpose spans its operand through the T, and its span is the .', () => {
    expect(only('f = 2 * M.T')).toMatchObject({ right: { kind: 'transpose', span: { offset: 9, length: 1 }, start: 8, end: 11 } });
    expect(only('sin(x).T')).toMatchObject({ kind: 'transpose', start: 0, end: 8, arg: { kind: 'call', start: 0, end: 6 } });
  });
});

describe('which assignments declare an input', () => {
  it.each([
    ['v = [1, 2]', true],
    ['M = [[1, 2], [3, 4]]', true],
    ['W = randn(3, 2)', true],
    ['b = zeros(3)', true],
    ['o = ones(2, 2)', true],
    ['r = rand(4)', true],
    ['x = -2.5', true],
    ['v = ([1, 2])', false],
    ['v = -[1, 2]', false],
    ['v = [1, 2] + 1', false],
    ['v = [1, 2][0]', false],
    ['v = [1, 2].T', false],
    ['W = (randn(3, 2))', false],
    ['W = randn(3, 2) * 2', false],
    ['W = randn(3, 2)[0]', false],
    ['s = sum([1, 2])', false],
  ])('%s declares an input: %s', (source, declares) => {
    expect(statements(source)[0]?.declaresInput).toBe(declares);
  });
});

/** [what is wrong, source, line, column, what the message must say] */
type Case = readonly [string, string, number, number, RegExp];

const table = (cases: readonly Case[]) => it.each(cases)('%s: %j fails at %i:%i', (_what, source, line, column, message) => {
  const parsed = parse(source);
  expect(parsed.ok, `expected ${JSON.stringify(source)} to fail`).toBe(false);
  if (parsed.ok) return;
  expect([parsed.error.line, parsed.error.column]).toEqual([line, column]);
  expect(parsed.error.message).toMatch(message);
  expect(parsed.error.message).toMatch(/expect/);
});

describe('array literal errors', () => {
  table([
    ['a ragged matrix, at the first row of another length', 'M = [[1, 2], [3, 4], [5]]', 1, 22, /row 3 has 1 element but row 1 has 2: expected every row of a matrix to have the same length/],
    ['a longer second row, on its own line', 'M = [[1, 2],\n     [3, 4, 5]]', 2, 6, /row 2 has 3 elements but row 1 has 2/],
    ['an empty array', 'v = []', 1, 5, /expected at least one number between '\[' and '\]' but found an empty array/],
    ['an empty row', 'M = [[1], []]', 1, 11, /found an empty array/],
    ['a third level of brackets, at the innermost [', 'T = [[[1]]]', 1, 7, /expected a number .* but found '\[': an array has at most two levels of brackets/],
    ['a row in a vector', 'v = [1, [2]]', 1, 9, /expected a number .*, as the first element of this vector is, but found '\['/],
    ['a number in a matrix', 'M = [[1], 2]', 1, 11, /expected a row such as \[1, 2\], as the first element of this matrix is, but found '2'/],
    ['a name as an element', 'v = [x, 1]', 1, 6, /expected a number such as 2, -1\.5 or 1e-3 as an array element but found 'x'/],
    ['an expression as an element, at its start', 'v = [0, 1+2]', 1, 9, /found '1' followed by '\+': array elements are plain numbers, not expressions/],
    ['a signed expression', 'v = [-1*2]', 1, 6, /found '-1' followed by '\*'/],
    ['a call as an element', 'v = [exp(1)]', 1, 6, /as an array element but found 'exp'/],
    ['a negated name', 'v = [-x]', 1, 6, /found '-' followed by 'x'/],
    ['a doubled sign', 'v = [--1]', 1, 6, /found '-' followed by '-'/],
    ['a parenthesised element', 'v = [(1)]', 1, 6, /found '\('/],
    ['a missing comma', 'v = [1 2]', 1, 8, /expected ',' or '\]' to close '\[' opened at line 1, column 5 but found '2'/],
    ['a trailing comma', 'v = [1, 2,]', 1, 11, /as an array element but found '\]'/],
    ['a semicolon inside brackets', 'v = [1; 2]', 1, 7, /expected ',' or '\]' to close '\[' opened at line 1, column 5 but found ';'/],
    ['an unclosed array, where the next line starts', 'v = [1, 2\nf = v', 2, 1, /expected ',' or '\]' to close '\[' opened at line 1, column 5 but found 'f'/],
    ['an unclosed array at the end', 'v = [1,', 1, 8, /as an array element but found end of input/],
    ['an unclosed matrix at the end', 'M = [[1, 2]', 1, 12, /expected ',' or '\]' to close '\[' opened at line 1, column 5 but found end of input/],
  ]);
});

describe('index errors', () => {
  table([
    ['a name as an index', 'f = v[i]', 1, 7, /expected a whole-number index such as 0, 1 or -1 \(counting from the end\) but found 'i': an index is a number written out, not a name/],
    ['a fractional index', 'f = v[1.5]', 1, 7, /expected a whole-number index .* but found '1\.5'/],
    ['a negative fractional index, at its sign', 'f = v[-1.5]', 1, 7, /but found '-1\.5'/],
    ['an index in exponent form', 'f = v[1e1]', 1, 7, /but found '1e1'/],
    ['a plus sign', 'f = v[+1]', 1, 7, /but found '\+'/],
    ['an expression as an index, at its start', 'f = v[1 + 1]', 1, 7, /found '1' followed by '\+': an index is a plain number, not an expression/],
    ['no index', 'f = v[]', 1, 7, /expected a whole-number index .* but found '\]'/],
    ['a missing second index', 'f = M[0, ]', 1, 10, /but found '\]'/],
    ['three indices, at the [', 'f = M[0, 1, 2]', 1, 6, /too many indices: expected at most 2 indices \(row, column\) but found a third/],
    ['a space for a comma', 'f = M[0 1]', 1, 9, /expected ',' or '\]' to close '\[' opened at line 1, column 6 but found '1'/],
    ['an unclosed index', 'f = v[0', 1, 8, /expected ',' or '\]' to close '\[' opened at line 1, column 6 but found end of input/],
    ['a ] without a [', 'f = v]', 1, 6, /expected an operator or the end of the statement but found '\]'/],
  ]);
});

describe('transpose and call errors', () => {
  table([
    ['a name after .', 'f = x.y', 1, 6, /expected 'T' after '\.' \(as in M\.T\) but found 'y'/],
    ['a longer name after .', 'f = x.Tx', 1, 6, /but found 'Tx'/],
    ['nothing after .', 'f = x.', 1, 6, /expected 'T' after '\.' .* but found end of input/],
    ['a lone . where an operand belongs', 'f = .', 1, 5, /expected a number, a name, '\(' or a function call but found '\.'/],
    ['.T with nothing to transpose', 'f = .T', 1, 5, /but found '\.'/],
    ['sum with three arguments', 'f = sum(x, 0, 1)', 1, 5, /sum expects 1 or 2 arguments but got 3/],
    ['mean with none', 'f = mean()', 1, 5, /mean expects 1 or 2 arguments but got 0/],
    ['dot with one argument', 'f = dot(x)', 1, 5, /dot expects 2 arguments but got 1/],
    ['exp with two arguments', 'f = exp(x, y)', 1, 5, /exp expects 1 argument but got 2/],
    ['zeros with three sizes', 'W = zeros(1, 2, 3)', 1, 5, /zeros expects 1 or 2 arguments but got 3/],
    ['an unknown function, listing every one', 'f = norm(x)', 1, 5, /unknown function 'norm': expected one of exp, .*, pow, sum, mean, softmax, transpose, dot, zeros, ones, randn, rand$/],
    ['sum used bare', 'f = sum + 1', 1, 5, /'sum' is a function: expected a call such as sum\(x\) or sum\(x, 0\) but found '\+' after it/],
    ['zeros used bare', 'W = zeros', 1, 5, /expected a call such as zeros\(3\) or zeros\(2, 3\)/],
    ['dot used bare', 'f = dot[0]', 1, 5, /expected a call such as dot\(a, b\) but found '\[' after it/],
    ['softmax used bare', 'f = softmax.T', 1, 5, /expected a call such as softmax\(x\) but found '\.'/],
  ]);
});

describe('deep and long sources stay iterative', () => {
  it('indexes and transposes an operand 50,000 parentheses deep', () => {
    const depth = 50_000;
    expect(sexpr(`${'('.repeat(depth)}M${')'.repeat(depth)}[0, 1].T`)).toBe('(T (index M 0 1))');
  });

  it('reads a chain of 100,000 postfixes and writes it back', () => {
    const e = only(`M${'.T[0]'.repeat(50_000)}`);
    const text = toSExpr(e);
    expect(text.startsWith('(index (T (index (T')).toBe(true);
    expect(text.length).toBe('(index  0)'.length * 50_000 + '(T )'.length * 50_000 + 1);
  });
});

/** Where a position may point: at a character of its line, or just after the line's last one. */
function isInside(source: string, line: number, column: number): boolean {
  const lines = source.split('\n');
  return Number.isInteger(line) && Number.isInteger(column) && line >= 1 && line <= lines.length &&
    column >= 1 && column <= (lines[line - 1] as string).length + 1;
}

/** Every node's range holds its span and lies within its parent's and the source's. Iterative, like the parser. */
function rangesNest(root: Expr, length: number): boolean {
  const stack: [Expr, number, number][] = [[root, 0, length]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [e, from, to] = item;
    if (!(from <= e.start && e.start <= e.span.offset && e.span.offset + e.span.length <= e.end && e.end <= to)) return false;
    const children = e.kind === 'binary' ? [e.left, e.right] : e.kind === 'call' ? e.args : 'arg' in e ? [e.arg] : [];
    for (const child of children) stack.push([child, e.start, e.end]);
  }
  return true;
}

const TENSOR_TOKENS = [
  '[', ']', ',', '.', 'T', '.T', '@', '0', '1', '2', '-', '+', '*', '^', '=', 'x', 'M', 'v', '(', ')', ';', '\n', '\r\n',
  '#', '# c\n', ' ', '1.5', '.5', '3.', '1e-3', 'sum(', 'zeros(', 'dot(', '[1, 2]', '[[1, 2], [3, 4]]',
];

describe('any tensor-ish string', () => {
  it('parses, or fails at a position inside the source, and never throws', () => {
    const soup = fc.array(fc.constantFrom(...TENSOR_TOKENS), { maxLength: 40 }).map((t) => t.join(''));
    fc.assert(fc.property(soup, (source) => {
      const parsed = parse(source);
      if (parsed.ok) {
        for (const s of parsed.program.statements) expect(rangesNest(s.expr, source.length)).toBe(true);
        expect(typeof programToSExpr(parsed.program)).toBe('string');
      } else {
        expect(parsed.error.message).toMatch(/expect/);
        expect(isInside(source, parsed.error.line, parsed.error.column)).toBe(true);
      }
    }), { seed: 42, numRuns: 2000 });
  });

  it('reads back the structure of any generated expression, written with parentheses around every binary and sign', () => {
    type Written = { text: string; sexpr: string };
    const index = fc.integer({ min: -3, max: 3 });
    const { node } = fc.letrec<{ node: Written }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' },
        // A bare number leaf would make `2.T` a malformed number, as it should be; (2) keeps the tree valid.
        fc.constantFrom({ text: 'x', sexpr: 'x' }, { text: '(2)', sexpr: '2' }, { text: '[1, -2]', sexpr: '[1 -2]' }, { text: '[[1], [2]]', sexpr: '[[1] [2]]' }),
        fc.tuple(tie('node'), fc.constantFrom('+', '-', '*', '/', '^', '@'), tie('node'))
          .map(([l, op, r]) => ({ text: `(${l.text} ${op} ${r.text})`, sexpr: `(${op} ${l.sexpr} ${r.sexpr})` })),
        fc.tuple(tie('node'), index, fc.option(index, { nil: undefined })).map(([a, i, j]) => j === undefined
          ? { text: `${a.text}[${i}]`, sexpr: `(index ${a.sexpr} ${i})` }
          : { text: `${a.text}[${i}, ${j}]`, sexpr: `(index ${a.sexpr} ${i} ${j})` }),
        tie('node').map((a) => ({ text: `${a.text}.T`, sexpr: `(T ${a.sexpr})` })),
        tie('node').map((a) => ({ text: `(-${a.text})`, sexpr: `(neg ${a.sexpr})` })),
        fc.tuple(fc.constantFrom('sum', 'softmax'), tie('node')).map(([f, a]) => ({ text: `${f}(${a.text})`, sexpr: `(${f} ${a.sexpr})` })),
      ),
    }));
    fc.assert(fc.property(node, ({ text, sexpr: expected }) => {
      expect(toSExpr(only(text))).toBe(expected);
      expect(rangesNest(only(text), text.length)).toBe(true);
    }), { seed: 42, numRuns: 1000 });
  });

  it('parses a matrix literal the same whatever spaces, line breaks and comments separate its tokens', () => {
    const matrix = fc.array(fc.array(fc.integer({ min: -99, max: 99 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 4 });
    const gap = fc.constantFrom(' ', '\n', '\r\n', '  # note\n', '\t');
    fc.assert(fc.property(matrix, fc.array(gap, { minLength: 40, maxLength: 40 }), (rows, gaps) => {
      const tokens = ['[', ...rows.flatMap((r, i) => [...(i > 0 ? [','] : []), '[', String(r[0]), ',', String(r[1]), ']']), ']'];
      const spread = tokens.map((t, i) => t + (i < tokens.length - 1 ? gaps[i % gaps.length] : '')).join('');
      expect(sexpr(`M = ${spread}\nf = M`)).toBe(sexpr(`M = ${tokens.join(' ')}\nf = M`));
    }), { seed: 42, numRuns: 300 });
  });
});
