import { runToEnd } from '../core/index.ts';
import type { Adjacency } from './adjacency.ts';
import { MAX_ORDER_SWEEPS, ORDER_SWEEPS_WITHOUT_GAIN } from './constants.ts';
import { countBelow, crossingScratch, type CrossingScratch } from './crossings.ts';
import type { ProperGraph } from './properGraph.ts';

/** Nodes listed layer after layer, each layer top to bottom: layer l is `order[layerStart[l]]` up to `layerStart[l + 1]`. */
export interface Ordering {
  readonly order: Int32Array;
  readonly layerStart: Int32Array;
  /** Rank of each node within its layer. */
  readonly position: Int32Array;
  readonly crossings: number;
}

/**
 * Crossing reduction by the barycenter heuristic: sweeps alternately down (each layer sorted by the mean position
 * of its neighbours in the layer above) and up, keeping the best ordering seen, until a few sweeps bring no gain.
 */
export function orderLayers(graph: ProperGraph): Ordering {
  return runToEnd(orderSteps(graph));
}

/** orderLayers a sweep at a time: it yields after each, so a large circuit's layout can share the page with input. */
export function* orderSteps(graph: ProperGraph): Generator<void, Ordering> {
  const { order, layerStart } = initialOrder(graph);
  const position = new Int32Array(graph.nodeCount);
  updateAllPositions(order, layerStart, position);
  let maxLayerSize = 0;
  for (let l = 0; l < graph.layerCount; l++) maxLayerSize = Math.max(maxLayerSize, layerStart[l + 1]! - layerStart[l]!);
  const crossingsScratch = crossingScratch(graph.down.list.length, maxLayerSize);
  const sortScratch = barycenterScratch(maxLayerSize);
  const countAll = () => countAllCrossings(graph, order, layerStart, position, crossingsScratch);

  const best = order.slice();
  let bestCrossings = countAll();
  for (let sweep = 0, sinceGain = 0; sweep < MAX_ORDER_SWEEPS && sinceGain < ORDER_SWEEPS_WITHOUT_GAIN; sweep++) {
    if (bestCrossings === 0) break;
    const downward = sweep % 2 === 0;
    for (let i = 1; i < graph.layerCount; i++) {
      const l = downward ? i : graph.layerCount - 1 - i;
      const neighbours = downward ? graph.up : graph.down;
      sortByBarycenter(order, layerStart[l]!, layerStart[l + 1]!, neighbours, position, sortScratch);
    }
    const crossings = countAll();
    sinceGain++;
    if (crossings < bestCrossings) {
      best.set(order);
      bestCrossings = crossings;
      sinceGain = 0;
    }
    yield;
  }
  updateAllPositions(best, layerStart, position);
  return { order: best, layerStart, position, crossings: bestCrossings };
}

/** Real nodes in input order, then each edge's dummies, grouped by layer (a counting sort). */
function initialOrder(graph: ProperGraph): { order: Int32Array; layerStart: Int32Array } {
  const layerStart = new Int32Array(graph.layerCount + 1);
  for (const l of graph.layer) layerStart[l + 1]!++;
  for (let l = 0; l < graph.layerCount; l++) layerStart[l + 1]! += layerStart[l]!;
  const next = layerStart.slice(0, graph.layerCount);
  const order = new Int32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) order[next[graph.layer[v]!]!++] = v;
  return { order, layerStart };
}

function updateAllPositions(order: Int32Array, layerStart: Int32Array, position: Int32Array): void {
  for (let l = 0; l + 1 < layerStart.length; l++) updatePositions(order, position, layerStart[l]!, layerStart[l + 1]!);
}

function updatePositions(order: Int32Array, position: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) position[order[i]!] = i - from;
}

function countAllCrossings(
  graph: ProperGraph,
  order: Int32Array,
  layerStart: Int32Array,
  position: Int32Array,
  scratch: CrossingScratch,
): number {
  let crossings = 0;
  for (let l = 0; l + 1 < graph.layerCount; l++) {
    const lowerSize = layerStart[l + 2]! - layerStart[l + 1]!;
    crossings += countBelow(order, layerStart[l]!, layerStart[l + 1]!, lowerSize, graph.down, position, scratch);
  }
  return crossings;
}

interface BarycenterScratch {
  readonly barycenter: Float64Array;
  readonly movableSlots: Int32Array;
  readonly sorted: Int32Array;
  readonly nodes: Int32Array;
  /** Orders slots by barycenter, then by slot. */
  readonly compare: (a: number, b: number) => number;
}

function barycenterScratch(maxLayerSize: number): BarycenterScratch {
  const barycenter = new Float64Array(maxLayerSize);
  return {
    barycenter,
    movableSlots: new Int32Array(maxLayerSize),
    sorted: new Int32Array(maxLayerSize),
    nodes: new Int32Array(maxLayerSize),
    compare: (a, b) => barycenter[a]! - barycenter[b]! || a - b,
  };
}

// Small layers are the common case; sorting them in place skips the typed-array sort's set-up.
const INSERTION_SORT_LIMIT = 24;

function insertionSort(values: Int32Array, count: number, compare: (a: number, b: number) => number): void {
  for (let i = 1; i < count; i++) {
    const value = values[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(values[j]!, value) > 0; j--) values[j + 1] = values[j]!;
    values[j + 1] = value;
  }
}

/**
 * Sorts one layer by the mean position of each node's neighbours in the fixed adjacent layer; ties keep their
 * order, and a node without such neighbours keeps its slot.
 */
function sortByBarycenter(
  order: Int32Array,
  from: number,
  to: number,
  neighbours: Adjacency,
  position: Int32Array,
  { barycenter, movableSlots, sorted, nodes, compare }: BarycenterScratch,
): void {
  if (to - from < 2) return;
  let movableCount = 0;
  for (let slot = 0; slot < to - from; slot++) {
    const v = order[from + slot]!;
    nodes[slot] = v;
    const first = neighbours.start[v]!;
    const last = neighbours.start[v + 1]!;
    if (first === last) continue;
    let sum = 0;
    for (let k = first; k < last; k++) sum += position[neighbours.list[k]!]!;
    barycenter[slot] = sum / (last - first);
    movableSlots[movableCount++] = slot;
  }
  sorted.set(movableSlots.subarray(0, movableCount));
  if (movableCount > INSERTION_SORT_LIMIT) sorted.subarray(0, movableCount).sort(compare);
  else insertionSort(sorted, movableCount, compare);
  for (let i = 0; i < movableCount; i++) order[from + movableSlots[i]!] = nodes[sorted[i]!]!;
  updatePositions(order, position, from, to);
}
