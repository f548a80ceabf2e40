import { describe, expect, it } from 'vitest';
import { buildProperGraph } from './properGraph.ts';

describe('buildProperGraph', () => {
  it('gives an edge spanning three layers two dummies, chained in the next and previous layers', () => {
    const graph = buildProperGraph(Int32Array.from([0, 3]), [{ source: 0, target: 1 }], 100);
    expect(graph.nodeCount).toBe(4);
    expect([...graph.layer]).toEqual([0, 3, 1, 2]);
    expect(graph.firstDummy[0]).toBe(2);
    expect([...graph.down.list]).toEqual([2, 3, 1]);
  });

  it('lets duplicate edges share one chain of dummies', () => {
    const edge = { source: 0, target: 1 };
    const graph = buildProperGraph(Int32Array.from([0, 2]), [edge, edge], 100);
    expect(graph.nodeCount).toBe(3);
    expect([...graph.firstDummy]).toEqual([2, 2]);
  });

  it('draws the longest edges straight, without dummies, once the dummy budget is spent', () => {
    // Spans 4 and 2 need 3 + 1 dummies; a budget of 2 keeps only the short edge's dummy.
    const edges = [
      { source: 0, target: 2 },
      { source: 1, target: 2 },
    ];
    const graph = buildProperGraph(Int32Array.from([0, 2, 4]), edges, 2);
    expect([...graph.firstDummy]).toEqual([-1, 3]);
    expect(graph.nodeCount).toBe(4);
  });
});
