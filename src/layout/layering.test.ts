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

  it('keeps a pinned source in the first layer however far its consumer is', () => {
    const edges = wires([0, 1], [1, 2], [2, 3], [4, 3]);
    expect(assignLayers(5, edges, 3, 2, { isPinned: (v) => v === 4, budget: 100 })[4]).toBe(0);
    expect(assignLayers(5, edges, 3, 2, { isPinned: () => false, budget: 100 })[4]).toBe(2);
  });

  it('pins the cheapest sources first and moves the rest once their wires would exceed the dummy budget', () => {
    // Sources a and b, then a chain of 11 gates in layers 0 … 10: a feeds the last (9 dummies), b the fifth (4).
    const [a, b, first, last] = [0, 1, 2, 12];
    const edges = Array.from({ length: last - first }, (_, i) => ({ source: first + i, target: first + i + 1 }));
    edges.push({ source: a, target: last }, { source: b, target: first + 5 });
    const isPinned = (v: number) => v === a || v === b;
    expect([...assignLayers(last + 1, edges, last, 3, { isPinned, budget: 13 })].slice(0, 2)).toEqual([0, 0]);
    expect([...assignLayers(last + 1, edges, last, 3, { isPinned, budget: 12 })].slice(0, 2)).toEqual([9, 0]);
    expect([...assignLayers(last + 1, edges, last, 3, { isPinned, budget: 3 })].slice(0, 2)).toEqual([9, 4]);
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
