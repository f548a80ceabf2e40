import { describe, expect, it } from 'vitest';
import './fixtures/prototype-guard.ts';
import { compileSource } from './compile.ts';
import { evaluate } from './evaluate.ts';

/** [what is wrong, source, line, column, what the message must say] */
type Case = readonly [string, string, number, number, RegExp];

function expectError(source: string, line: number, column: number, message: RegExp): void {
  const result = evaluate(source);
  expect(result.ok, `expected ${JSON.stringify(source)} to fail`).toBe(false);
  if (result.ok) return;
  expect({ line: result.error.line, column: result.error.column }).toEqual({ line, column });
  expect(result.error.message).toMatch(message);
  expect(result.error.message).not.toMatch(/internal error/);
  // evaluate() passes the compiler's error through unchanged.
  const compiled = compileSource(source);
  expect(compiled.ok || [compiled.error.line, compiled.error.column, compiled.error.message]).toEqual([line, column, result.error.message]);
}

const table = (cases: readonly Case[]) => it.each(cases)('%s: %j fails at %i:%i', (_what, source, line, column, message) => {
  expectError(source, line, column, message);
});

describe('an unexpected end of input is reported just after the last character', () => {
  table([
    ['an unclosed parenthesis', 'f = (x + y', 1, 11, /expected '\)' to close '\(' opened at line 1, column 5 but found end of input/],
    ['an unclosed call', 'f = sin(x', 1, 10, /expected '\)' to close sin\( opened at line 1, column 5 but found end of input/],
    ['a missing right operand', 'f = x +', 1, 8, /expected a number, a name, '\(' or a function call but found end of input/],
    ['a missing right side', 'f =', 1, 4, /found end of input/],
    ['an operand missing on line 3', 'x = 1\ny = 2\nf = x *', 3, 8, /found end of input/],
    ['a statement cut by a new line', 'f = (x + y\ng = 1', 1, 11, /expected '\)' .* but found a new line/],
    ['an empty source', '', 1, 1, /expected a formula such as f = \(x \+ y\) \* z but found end of input/],
    ['a source of blank lines and comments', '\n  # nothing here\n;', 3, 2, /expected a formula .* but found end of input/],
  ]);
});

describe('function names are positioned at the name', () => {
  table([
    ['an unknown function', 'f = foo(x)', 1, 5, /unknown function 'foo': expected one of exp, log, sqrt/],
    ['an unknown function on line 3', '\n\n  g = bar(1) + 2', 3, 7, /unknown function 'bar'/],
    ['calling toString', 'f = toString(1)', 1, 5, /unknown function 'toString'/],
    ['calling constructor', 'constructor(x)', 1, 1, /unknown function 'constructor'/],
    ['calling __proto__', 'f = 2 * __proto__(x)', 1, 9, /unknown function '__proto__'/],
    ['max with one argument', 'f = max(x)', 1, 5, /max expects 2 arguments but got 1/],
    ['sin with two arguments', 'f = 1 + sin(x, y)', 1, 9, /sin expects 1 argument but got 2/],
    ['pow with three arguments', 'pow(1, 2, 3)', 1, 1, /pow expects 2 arguments but got 3/],
    ['log with none', 'f = log()', 1, 5, /log expects 1 argument but got 0/],
    ['assigning to exp', 'exp = 2', 1, 1, /'exp' is a function name and cannot be assigned: expected another name/],
    ['assigning to sigmoid on line 2', 'x = 1\n  sigmoid = x', 2, 3, /'sigmoid' is a function name/],
    ['sin used bare', 'sin + 1', 1, 1, /'sin' is a function: expected a call such as sin\(x\) but found '\+' after it/],
    ['exp used bare at the end', 'f = 2 * exp', 1, 9, /'exp' is a function: expected a call such as exp\(x\) but found end of input/],
    ['max used bare', 'f = max', 1, 5, /expected a call such as max\(a, b\)/],
  ]);
});

describe('names are defined once and before use', () => {
  table([
    ['a reassignment, at the second name', 'x = 1; x = 2', 1, 8, /'x' is already defined on line 1: expected each name to be assigned once/],
    ['a reassignment on line 3', 'a = 1\nb = a\na = b * 2', 3, 1, /'a' is already defined on line 1/],
    ['a use before the definition, at the use', 'y = z * 2\nz = 1', 1, 5, /'z' is used before it is defined on line 2: expected a name defined on an earlier line, or a number/],
    ['a self-reference, at the use', 'y = y + 1', 1, 5, /'y' is used in its own definition/],
    ['a self-reference deeper in', 's = 1 + exp(2 * s)', 1, 17, /'s' is used in its own definition/],
    ['a use before definition on line 2', 'x = 1\nf = x * g\ng = 2', 2, 9, /'g' is used before it is defined on line 3/],
  ]);

  it('reports the earliest error when a source has several', () => {
    expectError('y = z\nz = 1\ny = 2', 1, 5, /'z' is used before/);
    expectError('x = 1\nx = 2\ny = z\nz = 1', 2, 1, /'x' is already defined/);
    expectError('a = y + x\nx = 1\ny = 2', 1, 5, /'y' is used before it is defined on line 3/);
    expectError('f = y\ng = g + 1\ny = 2', 1, 5, /'y' is used before it is defined on line 3/);
    expectError('f = y * 2\ny = 1\ng = (', 3, 6, /found end of input/);
    expectError('f = (x\ny = $', 1, 7, /expected '\)' .* but found a new line/);
    expectError('f = x $ (', 1, 7, /unexpected character '\$'/);
  });
});

describe('malformed numbers are positioned at their start', () => {
  table([
    ['two decimal points', 'f = 1.2.3 + x', 1, 5, /malformed number '1\.2\.3': expected a number such as 12, 1\.5, \.5, 3\. or 1e-3/],
    ['an exponent without digits', 'f = 1e + x', 1, 5, /malformed number '1e'/],
    ['a signed exponent without digits', 'f = 2 * 1e+', 1, 9, /malformed number '1e\+'/],
    ['a number glued to a name', 'f = 2x', 1, 5, /malformed number '2x'.*\(to multiply, write 2\*x\)/],
    ['a trailing second point', 'x = 1\ny = 3..', 2, 5, /malformed number '3\.\.'/],
    ['a point-first number with a second point', 'f = .5.5', 1, 5, /malformed number '\.5\.5'/],
  ]);
});

describe('unexpected characters and tokens are positioned at the token', () => {
  table([
    ['a dollar sign', 'f = x $ y', 1, 7, /unexpected character '\$': expected a number, a name, an operator, or a separator/],
    ['an accented letter', 'f = é', 1, 5, /unexpected character 'é'/],
    ['an emoji', 'f = x + 😀', 1, 9, /unexpected character '😀'/],
    ['an exclamation mark on line 3 after comments', '# header\n# more\nf = x + !', 3, 9, /unexpected character '!'/],
    ['a character after a tab, counted as one column', '\tf = x $ 1', 1, 8, /unexpected character '\$'/],
    ['a character on line 3 of a \\r\\n source', 'x = 1\r\ny = 2\r\nf = x $ y', 3, 7, /unexpected character '\$'/],
    ['a matrix product of scalars, at the @ (a shape error now that @ exists)', '\tf = x @ 1', 1, 8, /'@' expected vectors or matrices on both sides but found a scalar/],
    ['a closing parenthesis without an opening one', 'f = x)', 1, 6, /found '\)' without a matching '\(': expected an operator or the end of the statement/],
    ['a comma outside a call', 'f = x, y', 1, 6, /found ',' outside a function call/],
    ['an operator where an operand belongs', 'f = * x', 1, 5, /expected a number, a name, '\(' or a function call but found '\*'/],
    ['two operands in a row', 'f = x y', 1, 7, /expected an operator or the end of the statement but found 'y'/],
    ['an assignment without a name', '= 3', 1, 1, /found '='/],
    ['an assignment to a number', '3 = x', 1, 3, /expected an operator or the end of the statement but found '='/],
    ['a second equals sign', 'f = x = 2', 1, 7, /found '='/],
    ['a statement cut by a \\r\\n line break, at the \\r', 'f = x +\r\n2', 1, 8, /found a new line/],
  ]);
});
