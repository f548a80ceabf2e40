import type { Adjacency } from './adjacency.ts';
import type { LayoutEdge } from './types.ts';

/**
 * Crossings of the segments between two adjacent layers, given the lower end's position of every segment with
 * segments sorted by (upper position, lower position): each pair out of order is one crossing. Counted with the
 * accumulator tree of Barth, Jünger and Mutzel (2004) in O(E log V). `tree` comes from `accumulatorTree(lowerSize)`
 * or larger.
 */
export function countInversions(lowerEnds: Int32Array, count: number, lowerSize: number, tree: Int32Array): number {
  const firstLeaf = leavesFor(lowerSize);
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

/** A complete binary tree, stored level by level, whose leaves are the positions of a layer. */
export const accumulatorTree = (layerSize: number) => new Int32Array(2 * leavesFor(layerSize) - 1);

function leavesFor(layerSize: number): number {
  let leaves = 1;
  while (leaves < layerSize) leaves *= 2;
  return leaves;
}

/** Scratch arrays for counting the crossings between any two adjacent layers of one graph. */
export interface CrossingScratch {
  readonly lowerEnds: Int32Array;
  readonly tree: Int32Array;
}

export function crossingScratch(segmentCount: number, maxLayerSize: number): CrossingScratch {
  return { lowerEnds: new Int32Array(segmentCount), tree: accumulatorTree(maxLayerSize) };
}

/**
 * Crossings below the layer `order[from]` … `order[to - 1]` (top to bottom), whose next layer has `lowerSize`
 * nodes; `position` is each node's rank in its layer.
 */
export function countBelow(
  order: Int32Array,
  from: number,
  to: number,
  lowerSize: number,
  down: Adjacency,
  position: Int32Array,
  scratch: CrossingScratch,
): number {
  const { lowerEnds } = scratch;
  let count = 0;
  for (let i = from; i < to; i++) {
    const u = order[i]!;
    const first = count;
    for (let k = down.start[u]!; k < down.start[u + 1]!; k++) lowerEnds[count++] = position[down.list[k]!]!;
    if (count - first > 1) sortRange(lowerEnds, first, count);
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
  const tree = accumulatorTree(maxLayerSize);
  let crossings = 0;
  between.forEach((pairs, layer) => {
    pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    const lowerEnds = Int32Array.from(pairs, (pair) => pair[1]);
    crossings += countInversions(lowerEnds, lowerEnds.length, layers[layer + 1]?.length ?? 0, tree);
  });
  return crossings;
}
