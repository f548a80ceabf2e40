import { describe, expect, it } from 'vitest';
import { blockScratch, fitNonDecreasing } from './isotonic.ts';

function fit(target: number[], weight: number[]): number[] {
  const out = new Float64Array(target.length);
  fitNonDecreasing(Float64Array.from(target), Float64Array.from(weight), target.length, out, blockScratch(target.length));
  return [...out];
}

describe('fitNonDecreasing', () => {
  it('keeps a sequence that is already non-decreasing', () => {
    expect(fit([1, 2, 2, 5], [1, 1, 1, 1])).toEqual([1, 2, 2, 5]);
  });

  it('pools values out of order into their weighted mean', () => {
    // 3 then 1 with weights 1 and 3: both go to (3·1 + 1·3) / 4 = 1.5, the least-squares compromise.
    expect(fit([0, 3, 1, 4], [1, 1, 3, 1])).toEqual([0, 1.5, 1.5, 4]);
  });

  it('pools again when a pooled block falls below an earlier value', () => {
    expect(fit([5, 4, 0], [1, 1, 1])).toEqual([3, 3, 3]);
  });
});
