import { describe, expect, it } from 'vitest';
import { assignLayers } from './layering.ts';
import type { LayoutEdge } from './types.ts';

const wires = (...pairs: [number, number][]): LayoutEdge[] => pairs.map(([source, target]) => ({ source, target }));

describe('assignLayers', () => {
  it('layers a chain one node per layer', () => {
    expect([...assignLayers(4, wires([0, 1], [1, 2], [2, 3]), 3, 3)]).toEqual([0, 1, 2, 3]);
  });

  it('moves a gate next to its nearest consumer, and its inputs with it when they are far from it', () => {
    // 0 → 1 → 2 → 3 → 4 → 9 is the long path; 5, 6 → 7 → 8 → 9 is a short sub-expression.
    const edges = wires([0, 1], [1, 2], [2, 3], [3, 4], [4, 9], [5, 7], [6, 7], [7, 8], [8, 9]);
    const layer = assignLayers(10, edges, 9, 1);
    expect([...layer]).toEqual([0, 1, 2, 3, 4, 2, 2, 3, 4, 5]);
  });

  it('leaves a source in the first layer when its consumer is at most maxSourceSpan layers away', () => {
    const edges = wires([0, 1], [1, 2], [2, 3], [4, 3]);
    expect(assignLayers(5, edges, 3, 3)[4]).toBe(0);
    expect(assignLayers(5, edges, 3, 2)[4]).toBe(2);
  });

  it('renumbers the layers from 0 when every source moved right', () => {
    // Both sources feed a gate three layers deep only through the chain's end.
    const edges = wires([0, 2], [1, 2], [2, 3]);
    expect([...assignLayers(4, edges, 3, 0)]).toEqual([0, 0, 1, 2]);
  });

  it('treats an output that feeds other gates like any gate', () => {
    expect([...assignLayers(3, wires([0, 1], [1, 2]), 1, 3)]).toEqual([0, 1, 2]);
  });
});
