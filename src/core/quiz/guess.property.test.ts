import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFull } from '../number-format.ts';
import { closeEnough, judge, parseGuess, TOLERANCE } from './guess.ts';

const RUNS = { numRuns: 1000, seed: 231 };
const anyNumber = fc.oneof(
  fc.double({ noNaN: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ min: -1, max: 1, noNaN: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e-300, 5e-324),
);
const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
const shape = fc.oneof(fc.tuple(fc.integer({ min: 1, max: 5000 })), fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })));

describe('guesses, for any answer', () => {
  it('the answer as the app writes it is always right', () => {
    fc.assert(fc.property(anyNumber, (a) => {
      expect(judge(a, parseGuess('grad', formatFull(a)))).toBe('right');
      expect(judge(a, parseGuess('value', String(a)))).toBe('right');
    }), RUNS);
  });

  it('the answer rounded to two decimals, as drawn on a wire, is right', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (a) => {
      expect(judge(a, parseGuess('value', a.toFixed(2)))).toBe('right');
    }), RUNS);
  });

  it('a guess off by more than the tolerance is wrong, whichever side', () => {
    fc.assert(fc.property(finite, fc.boolean(), fc.double({ min: 1.5, max: 1e6, noNaN: true }), (a, above, times) => {
      const allowed = Math.max(TOLERANCE.absolute, TOLERANCE.relative * Math.abs(a));
      const guess = above ? a + times * allowed : a - times * allowed;
      expect(judge(a, parseGuess('value', String(guess)))).toBe('wrong');
      expect(closeEnough(guess, a)).toBe(false);
    }), RUNS);
  });

  it('a fraction is read as its quotient', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (p, q) => {
      expect(judge(p / q, parseGuess('value', `${p}/${q}`))).toBe('right');
    }), RUNS);
  });

  it('a shape written any usual way is right, and any other shape is wrong', () => {
    fc.assert(fc.property(shape, shape, fc.constantFrom('×', 'x', ' x ', '*', ', '), fc.boolean(), (s, other, sep, parens) => {
      const written = s.join(sep);
      expect(judge(s, parseGuess('shape', parens ? `(${written})` : written))).toBe('right');
      const same = s.length === other.length && s.every((d, i) => d === other[i]);
      expect(judge(s, parseGuess('jacobian', other.join('×')))).toBe(same ? 'right' : 'wrong');
    }), RUNS);
  });
});
