import { groupByNode, type Adjacency } from './adjacency.ts';
import type { LayoutEdge } from './types.ts';

/**
 * The layered graph in which every edge joins adjacent layers: an edge spanning k layers becomes a chain through
 * k - 1 dummy nodes, which later reserve the wire's place in each layer it crosses.
 */
export interface ProperGraph {
  readonly realCount: number;
  /** Real nodes (ids 0 … realCount - 1) and dummies after them. */
  readonly nodeCount: number;
  readonly layerCount: number;
  readonly layer: Int32Array;
  /**
   * Per input edge, its first dummy (the dummies of one edge have consecutive ids), or -1 if it has none.
   * Duplicate edges (x * x) share one chain: they are one wire in the drawing and cross others once.
   */
  readonly firstDummy: Int32Array;
  /** Neighbours in the next layer and in the previous layer. */
  readonly down: Adjacency;
  readonly up: Adjacency;
}

export function buildProperGraph(realLayer: Int32Array, edges: readonly LayoutEdge[], dummyBudget: number): ProperGraph {
  const realCount = realLayer.length;
  const span = edges.map((edge) => realLayer[edge.target]! - realLayer[edge.source]!);
  const original = firstOfDuplicates(edges, realCount);
  const direct = edgesBeyondBudget(span, original, dummyBudget);
  let dummyCount = 0;
  let segmentCount = 0;
  span.forEach((s, e) => {
    if (direct[e] || original[e] !== e) return;
    dummyCount += s - 1;
    segmentCount += s;
  });

  const layer = new Int32Array(realCount + dummyCount);
  layer.set(realLayer);
  const firstDummy = new Int32Array(edges.length).fill(-1);
  const from = new Int32Array(segmentCount);
  const to = new Int32Array(segmentCount);
  let nextDummy = realCount;
  let segment = 0;
  edges.forEach((edge, e) => {
    if (direct[e]) return;
    if (original[e] !== e) {
      firstDummy[e] = firstDummy[original[e]!]!;
      return;
    }
    if (span[e]! > 1) firstDummy[e] = nextDummy;
    let previous = edge.source;
    for (let k = 1; k < span[e]!; k++) {
      layer[nextDummy] = realLayer[edge.source]! + k;
      from[segment] = previous;
      to[segment++] = nextDummy;
      previous = nextDummy++;
    }
    from[segment] = previous;
    to[segment++] = edge.target;
  });

  let layerCount = 0;
  for (const l of realLayer) layerCount = Math.max(layerCount, l + 1);
  const nodeCount = layer.length;
  return {
    realCount,
    nodeCount,
    layerCount,
    layer,
    firstDummy,
    down: groupByNode(nodeCount, from, to),
    up: groupByNode(nodeCount, to, from),
  };
}

/** For each edge, the first edge with the same source and target. */
function firstOfDuplicates(edges: readonly LayoutEdge[], nodeCount: number): Int32Array {
  const first = new Map<number, number>();
  return Int32Array.from(edges, (edge, e) => {
    const key = edge.source * nodeCount + edge.target;
    const seen = first.get(key);
    if (seen !== undefined) return seen;
    first.set(key, e);
    return e;
  });
}

/**
 * Flags the longest edges (with their duplicates) whose dummies would exceed the budget; they are drawn as one
 * straight segment.
 */
function edgesBeyondBudget(span: readonly number[], original: Int32Array, dummyBudget: number): Uint8Array {
  const direct = new Uint8Array(span.length);
  let dummies = 0;
  span.forEach((s, e) => {
    if (original[e] === e) dummies += s - 1;
  });
  if (dummies <= dummyBudget) return direct;
  const longestFirst = span.map((_, e) => e).sort((a, b) => span[b]! - span[a]! || a - b);
  for (const e of longestFirst) {
    if (dummies <= dummyBudget) break;
    direct[e] = 1;
    if (original[e] === e) dummies -= span[e]! - 1;
  }
  span.forEach((_, e) => {
    if (direct[original[e]!]) direct[e] = 1;
  });
  return direct;
}
