import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCrossings } from './index.ts';
import type { LayoutEdge } from './types.ts';

interface Drawing {
  layers: number[][];
  segments: LayoutEdge[];
}

// Layers of 1–8 nodes in a shuffled order, and segments between random nodes of adjacent layers (duplicates
// included). Every choice is an index reduced modulo a size, so the generator never needs to filter.
const drawings: fc.Arbitrary<Drawing> = fc
  .array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 5 })
  .chain((sortKeys) => {
    let nextId = 0;
    const layers = sortKeys.map((keys) => {
      const ids = keys.map(() => nextId++);
      return ids.map((id, i) => ({ id, key: keys[i]! })).sort((a, b) => a.key - b.key || a.id - b.id).map((n) => n.id);
    });
    const segment = fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()).map(([l, i, j, reversed]) => {
      const upper = l % (layers.length - 1);
      const a = layers[upper]![i % layers[upper]!.length]!;
      const b = layers[upper + 1]![j % layers[upper + 1]!.length]!;
      return reversed ? { source: b, target: a } : { source: a, target: b };
    });
    return fc.record({ layers: fc.constant(layers), segments: fc.array(segment, { maxLength: 40 }) });
  });

/** O(E²): two segments between the same layers cross when their ends come in opposite orders. */
function bruteForceCrossings({ layers, segments }: Drawing): number {
  const place = new Map(layers.flatMap((ids, layer) => ids.map((id, position) => [id, { layer, position }] as const)));
  const ends = segments.map(({ source, target }) => {
    const [a, b] = [place.get(source)!, place.get(target)!];
    return a.layer < b.layer ? { layer: a.layer, upper: a.position, lower: b.position } : { layer: b.layer, upper: b.position, lower: a.position };
  });
  let crossings = 0;
  for (let i = 0; i < ends.length; i++) {
    for (let j = i + 1; j < ends.length; j++) {
      const [p, q] = [ends[i]!, ends[j]!];
      if (p.layer === q.layer && (p.upper - q.upper) * (p.lower - q.lower) < 0) crossings++;
    }
  }
  return crossings;
}

describe('countCrossings', () => {
  it('counts as many crossings as comparing every pair of segments', () => {
    fc.assert(fc.property(drawings, (drawing) => countCrossings(drawing.layers, drawing.segments) === bruteForceCrossings(drawing)), {
      numRuns: 500,
    });
  });

  it('counts every pair of a complete bipartite drawing whose lower ends come in opposite orders', () => {
    const layers = [[0, 1, 2], [3, 4, 5]];
    const segments = [0, 1, 2].flatMap((a) => [3, 4, 5].map((b) => ({ source: a, target: b })));
    // Pairs (a, b), (a', b') with a < a' and b > b': 3 choices of a-pair × 3 of b-pair.
    expect(countCrossings(layers, segments)).toBe(9);
  });

  it('does not count segments that share an end or run side by side', () => {
    const layers = [[0, 1], [2, 3]];
    const segments = [
      { source: 0, target: 2 },
      { source: 0, target: 2 },
      { source: 0, target: 3 },
      { source: 1, target: 3 },
    ];
    expect(countCrossings(layers, segments)).toBe(0);
  });

  it('rejects a segment that skips a layer, naming its ends', () => {
    expect(() => countCrossings([[0], [1], [2]], [{ source: 0, target: 2 }])).toThrow(/adjacent layers, found 0 → 2/);
  });
});
