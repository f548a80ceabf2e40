import { describe, expect, it } from 'vitest';
import { heatRgb } from './heatmap.ts';
import { cellText, elementIndex, heatmapGrid, rangeText, tensorBlock } from './tensor-geometry.ts';

describe('how a tensor wire shows its numbers', () => {
  it('writes out up to 4×4 elements: a vector as one row, an n×1 matrix as a column', () => {
    expect(tensorBlock([2, 2])).toMatchObject({ kind: 'matrix', rows: 2, cols: 2 });
    expect(tensorBlock([4])).toMatchObject({ kind: 'matrix', rows: 1, cols: 4 });
    expect(tensorBlock([4, 1])).toMatchObject({ kind: 'matrix', rows: 4, cols: 1 });
    expect(tensorBlock([5]).kind).toBe('heatmap');
    expect(tensorBlock([4, 5]).kind).toBe('heatmap');
  });

  it('draws anything larger as a heatmap no bigger than 64 units, a 4096-vector wrapped into 64×64', () => {
    expect(heatmapGrid([4096])).toEqual({ rows: 64, cols: 64, count: 4096 });
    expect(heatmapGrid([10, 20])).toEqual({ rows: 10, cols: 20, count: 200 });
    // Thin or huge matrices wrap row by row into a near-square grid.
    expect(heatmapGrid([100, 3])).toEqual({ rows: 17, cols: 18, count: 300 });
    const block = tensorBlock([4096]);
    expect(block.kind === 'heatmap' && Math.max(block.mapWidth, block.mapHeight)).toBe(64);
  });

  it('sizes blocks by shape alone, so new values never need a new layout', () => {
    expect(tensorBlock([3, 4])).toEqual(tensorBlock([3, 4]));
    for (const v of [0.088, -0.3, -12.345, 123.456, -123456, 7.4e-4, -3e-3, NaN, -Infinity]) expect(cellText(v).length).toBeLessThanOrEqual(5);
  });

  it('rounds to two decimals as the scalar labels do, and names elements as NumPy indexes them', () => {
    expect([0.088, 0.176, -0.112, 0.636].map(cellText)).toEqual(['0.09', '0.18', '-0.11', '0.64']);
    expect(elementIndex([4096], 66)).toBe('[66]');
    expect(elementIndex([2, 3], 4)).toBe('[1, 1]');
    expect(rangeText(-2.14, 3.38)).toBe('−2.1 … 3.4');
  });

  it('colours with a diverging scale centred at 0: orange below, near-white at 0, purple above', () => {
    const [r0, g0, b0] = heatRgb(0, 1);
    expect(Math.min(r0, g0, b0)).toBeGreaterThan(225);
    const [rn, , bn] = heatRgb(-1, 1);
    const [rp, , bp] = heatRgb(1, 1);
    expect(rn).toBeGreaterThan(bn);
    expect(bp).toBeGreaterThan(rp);
    expect(heatRgb(-5, 1)).toEqual(heatRgb(-1, 1));
  });
});
