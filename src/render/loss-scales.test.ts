import { describe, expect, it } from 'vitest';
import { CHART_BOX, lossText } from './loss-chart.ts';
import { lossPath, lossScales } from './loss-scales.ts';

describe('the loss chart scales', () => {
  it('keep NaN and ±∞ out of the domain and break the curve there', () => {
    const losses = [4, 2, 1, Infinity, NaN, NaN];
    const linear = lossScales(losses, CHART_BOX, false);
    expect(linear.y.domain()).toEqual([0, 4]);
    expect(linear.x.domain()).toEqual([0, 5]);
    const path = lossPath(losses, linear);
    expect(path).not.toMatch(/NaN|Infinity/);
    expect(path.startsWith('M')).toBe(true);
    expect(lossText(NaN)).toBe('NaN');
    expect(lossText(Infinity)).toBe('∞');
  });

  it('draw a log scale over the positive losses, and fall back to linear when there are none', () => {
    const losses = [0.5, 0.05, 0.0005, 0, -1];
    const log = lossScales(losses, CHART_BOX, true);
    expect(log.log).toBe(true);
    const [lo, hi] = log.y.domain() as [number, number];
    expect(lo).toBeLessThanOrEqual(0.0005);
    expect(hi).toBeGreaterThanOrEqual(0.5);
    expect(lossPath(losses, log)).not.toMatch(/NaN|Infinity/);
    expect(lossScales([NaN, Infinity], CHART_BOX, true)).toMatchObject({ log: false });
    expect(lossScales([NaN, NaN], CHART_BOX, false).y.domain()).toEqual([0, 1]);
    expect(lossScales([3, 3], CHART_BOX, false).y.domain()).toEqual([0, 4.5]);
  });

  it('draw 60,000 iterations with a couple of points per pixel column', () => {
    const losses = Float64Array.from({ length: 60_001 }, (_, i) => 1 / (1 + i));
    const scales = lossScales(losses, CHART_BOX, true);
    const points = lossPath(losses, scales).match(/[ML]/g)?.length ?? 0;
    expect(points).toBeGreaterThan(100);
    expect(points).toBeLessThanOrEqual(2 * (CHART_BOX.width - CHART_BOX.left - CHART_BOX.right) + 2);
  });
});
