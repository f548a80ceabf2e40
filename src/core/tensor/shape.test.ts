import { describe, expect, it } from 'vitest';
import { broadcastShapes, broadcastStrides, describeShape, matmulShape, reducedShape } from './shape.ts';

describe('shapes', () => {
  it('are written as the messages write them', () => {
    expect(describeShape([])).toBe('scalar');
    expect(describeShape([3])).toBe('3-vector');
    expect(describeShape([2, 3])).toBe('2×3 matrix');
  });

  it('broadcast as NumPy does for rank ≤ 2', () => {
    expect(broadcastShapes([], [2, 3])).toEqual([2, 3]);
    expect(broadcastShapes([3], [2, 3])).toEqual([2, 3]);
    expect(broadcastShapes([2, 1], [1, 3])).toEqual([2, 3]);
    expect(broadcastShapes([2, 1], [3])).toEqual([2, 3]);
    expect(broadcastShapes([2], [3])).toBeUndefined();
    expect(broadcastShapes([2, 3], [2])).toBeUndefined();
    expect(broadcastShapes([1], [4])).toEqual([4]);
  });

  it('read a stretched axis with stride 0', () => {
    expect(broadcastStrides([3], [2, 3])).toEqual([0, 1]);
    expect(broadcastStrides([2, 1], [2, 3])).toEqual([1, 0]);
    expect(broadcastStrides([], [2, 3])).toEqual([0, 0]);
    expect(broadcastStrides([2, 3], [2, 3])).toEqual([3, 1]);
    expect(broadcastStrides([1, 3], [2, 3])).toEqual([0, 1]);
  });

  it('multiply as matmul does', () => {
    expect(matmulShape([2, 3], [3, 4])).toEqual([2, 4]);
    expect(matmulShape([2, 3], [3])).toEqual([2]);
    expect(matmulShape([3], [3, 4])).toEqual([4]);
    expect(matmulShape([3], [3])).toEqual([]);
    expect(matmulShape([3], [4])).toBeUndefined();
    expect(matmulShape([], [3])).toBeUndefined();
  });

  it('reduce to a scalar or along an axis', () => {
    expect(reducedShape([2, 3], -1)).toEqual([]);
    expect(reducedShape([2, 3], 0)).toEqual([3]);
    expect(reducedShape([2, 3], 1)).toEqual([2]);
    expect(reducedShape([5], 0)).toEqual([]);
  });
});
