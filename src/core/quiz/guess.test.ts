import { describe, expect, it } from 'vitest';
import { closeEnough, judge, parseGuess, parseNumberGuess, parseShapeGuess } from './guess.ts';

const number = (text: string) => {
  const g = parseNumberGuess(text);
  return g.ok && 'number' in g ? g.number : g.ok ? 'shape' : g.message;
};
const shape = (text: string, kind: 'shape' | 'jacobian' = 'shape') => {
  const g = parseShapeGuess(text, kind);
  return g.ok && 'shape' in g ? g.shape : g.ok ? 'number' : g.message;
};

describe('reading a number guess', () => {
  it.each([
    ['-4', -4], ['0.2', 0.2], ['1e-3', 0.001], ['-.5', -0.5], ['3.', 3], ['+7', 7], [' 12 ', 12], ['2.5E+4', 25000],
    ['1/3', 1 / 3], ['-1/4', -0.25], ['1 / -2', -0.5], ['\u22124', -4], ['– 0.5', -0.5], ['- 4', -4],
    ['inf', Infinity], ['-∞', -Infinity], ['NaN', NaN],
  ])('%s is %s', (text, value) => {
    expect(number(text)).toBe(value);
  });

  it.each([
    ['', /Nothing typed/], ['abc', /not a number/], ['1/0', /not a number/], ['0,5', /point/], ['1.2.3', /not a number/],
    ['--4', /not a number/], ['1/2/3', /not a number/], ['x', /not a number/], ['9'.repeat(80), /too long/], ['__proto__', /not a number/],
  ])('%j is refused, saying why', (text, message) => {
    expect(number(text)).toMatch(message);
  });
});

describe('reading a shape guess', () => {
  it.each([
    ['2', [2]], ['2x3', [2, 3]], ['2×3', [2, 3]], ['2 X 3', [2, 3]], ['2*3', [2, 3]], ['2 by 3', [2, 3]], ['(2, 3)', [2, 3]],
    ['[2,3]', [2, 3]], ['(2,)', [2]], ['(4096)', [4096]], ['scalar', []], ['()', []],
  ])('%s is %j', (text, expected) => {
    expect(shape(text)).toEqual(expected);
  });

  it('a Jacobian size may carry thousands separators', () => {
    expect(shape('4096x4096', 'jacobian')).toEqual([4096, 4096]);
    expect(shape('4,096 × 4,096', 'jacobian')).toEqual([4096, 4096]);
    // Without a × the comma separates the sizes, as NumPy writes them.
    expect(shape('(2,300)')).toEqual([2, 300]);
  });

  it.each([
    ['', /Nothing typed/], ['2x', /not a shape/], ['0', /not a shape/], ['2x3x4', /at most matrices/], ['-2', /not a shape/], ['2.5', /not a shape/],
  ])('%j is refused, saying why', (text, message) => {
    expect(shape(text)).toMatch(message);
  });

  it('the hint names what the question asks for', () => {
    expect(shape('?', 'jacobian')).toMatch(/rows × columns/);
    expect(shape('?')).toMatch(/2x3/);
  });
});

describe('the verdict', () => {
  it('a number is right within 1% or 0.005, whichever is larger', () => {
    expect(closeEnough(-4.03, -4)).toBe(true);
    expect(closeEnough(-4.05, -4)).toBe(false);
    expect(closeEnough(0.004, 0)).toBe(true);
    expect(closeEnough(0.006, 0)).toBe(false);
    expect(closeEnough(0.12, 0.116)).toBe(true); // the two decimals on the wire
    expect(closeEnough(0.13, 0.125)).toBe(true); // rounded half up, whatever the binary rounding
    expect(closeEnough(1010, 1000)).toBe(true);
    expect(closeEnough(1011, 1000)).toBe(false);
  });

  it('NaN and infinities must match exactly', () => {
    expect(closeEnough(NaN, NaN)).toBe(true);
    expect(closeEnough(0, NaN)).toBe(false);
    expect(closeEnough(Infinity, Infinity)).toBe(true);
    expect(closeEnough(-Infinity, Infinity)).toBe(false);
    expect(closeEnough(1e308, Infinity)).toBe(false);
    expect(closeEnough(Infinity, 1e308)).toBe(false);
  });

  it('a shape must match exactly; a number is never a shape and the other way round', () => {
    expect(judge([2, 3], parseGuess('shape', '(2, 3)'))).toBe('right');
    expect(judge([2], parseGuess('shape', '2x1'))).toBe('wrong');
    expect(judge([4096, 4096], parseGuess('jacobian', '4096'))).toBe('wrong');
    expect(judge(3, parseGuess('shape', '3'))).toBe('wrong');
    expect(judge([3], parseGuess('value', '3'))).toBe('wrong');
    expect(judge(3, parseGuess('value', 'three'))).toBe('wrong');
  });
});
