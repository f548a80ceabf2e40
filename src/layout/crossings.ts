import type { Adjacency } from './adjacency.ts';
import type { LayoutEdge } from './types.ts';

/**
 * Crossings of the segments between two adjacent layers, given the lower end's position of every segment with
 * segments sorted by (upper position, lower position): each pair out of order is one crossing. Counted with the
 * accumulator tree of Barth, Jünger and Mutzel (2004) in O(E log V). `tree` needs `treeSize(lowerSize)` entries.
 */
export function countInversions(lowerEnds: Int32Array, count: number, lowerSize: number, tree: Int32Array): number {
  const firstLeaf = (treeSize(lowerSize) + 1) / 2;
  tree.fill(0, 0, 2 * firstLeaf - 1);
  let crossings = 0;
  for (let i = 0; i < count; i++) {
    let index = lowerEnds[i]! + firstLeaf - 1;
    tree[index]!++;
    while (index > 0) {
      if (index % 2 === 1) crossings += tree[index + 1]!;
      index = (index - 1) >> 1;
      tree[index]!++;
    }
  }
  return crossings;
}

export function treeSize(leaves: number): number {
  let firstLeaf = 1;
  while (firstLeaf < leaves) firstLeaf *= 2;
  return 2 * firstLeaf - 1;
}

/** Scratch arrays for counting the crossings between any two adjacent layers of one graph. */
export interface CrossingScratch {
  readonly lowerEnds: Int32Array;
  readonly tree: Int32Array;
}

export function crossingScratch(segmentCount: number, maxLayerSize: number): CrossingScratch {
  return { lowerEnds: new Int32Array(segmentCount), tree: new Int32Array(treeSize(maxLayerSize)) };
}

/** Crossings below the `upper` layer, whose nodes are listed top to bottom; `position` is each node's rank in its layer. */
export function countBelow(
  upper: Int32Array,
  lowerSize: number,
  down: Adjacency,
  position: Int32Array,
  scratch: CrossingScratch,
): number {
  const { lowerEnds } = scratch;
  let count = 0;
  for (const u of upper) {
    const first = count;
    for (let k = down.start[u]!; k < down.start[u + 1]!; k++) lowerEnds[count++] = position[down.list[k]!]!;
    sortRange(lowerEnds, first, count);
  }
  return countInversions(lowerEnds, count, lowerSize, scratch.tree);
}

const INSERTION_SORT_LIMIT = 16;

function sortRange(values: Int32Array, from: number, to: number): void {
  if (to - from > INSERTION_SORT_LIMIT) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const value = values[i]!;
    let j = i - 1;
    for (; j >= from && values[j]! > value; j--) values[j + 1] = values[j]!;
    values[j + 1] = value;
  }
}

/**
 * Crossings of a drawing given as layers of node ids (top to bottom) and segments between nodes of adjacent
 * layers, e.g. to compare the ordering of another layout program with ours.
 */
export function countCrossings(layers: readonly (readonly number[])[], segments: readonly LayoutEdge[]): number {
  const place = new Map<number, { layer: number; position: number }>();
  layers.forEach((ids, layer) => ids.forEach((id, position) => place.set(id, { layer, position })));
  const between: [number, number][][] = layers.map(() => []);
  for (const { source, target } of segments) {
    const a = place.get(source);
    const b = place.get(target);
    if (!a || !b || Math.abs(a.layer - b.layer) !== 1) {
      throw new Error(`countCrossings: expected a segment between adjacent layers, found ${source} → ${target}`);
    }
    const [upper, lower] = a.layer < b.layer ? [a, b] : [b, a];
    between[upper.layer]!.push([upper.position, lower.position]);
  }
  const maxLayerSize = layers.reduce((max, ids) => Math.max(max, ids.length), 0);
  const tree = new Int32Array(treeSize(maxLayerSize));
  let crossings = 0;
  between.forEach((pairs, layer) => {
    pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const lowerEnds = Int32Array.from(pairs, (pair) => pair[1]);
    crossings += countInversions(lowerEnds, lowerEnds.length, layers[layer + 1]?.length ?? 0, tree);
  });
  return crossings;
}
