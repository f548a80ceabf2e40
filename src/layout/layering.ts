import { groupByNode } from './adjacency.ts';
import type { LayoutEdge } from './types.ts';

/**
 * The layer (column) of every node. The longest path from the sources fixes the depth and puts the output, if it
 * is a sink, alone in the last layer. Then, from right to left, each gate moves right next to its nearest
 * consumer: in formulas a small sub-expression usually feeds a gate far from the inputs, and left where the
 * longest path puts it, its wire would cross hundreds of layers. Sources (inputs, constants) stay in the first
 * layer unless their nearest consumer lies more than `maxSourceSpan` layers away. Pinned sources (named inputs)
 * stay there whatever the span, the cheapest first, as long as their long wires need at most `pins.budget` dummy
 * nodes in all: one input feeding every gate of a deep chain would otherwise need O(n²) of them.
 */
export function assignLayers(
  nodeCount: number,
  edges: readonly LayoutEdge[],
  output: number,
  maxSourceSpan: number,
  pins?: { isPinned: (v: number) => boolean; budget: number },
): Int32Array {
  const sources = new Int32Array(edges.length);
  const targets = new Int32Array(edges.length);
  edges.forEach((edge, i) => {
    sources[i] = edge.source;
    targets[i] = edge.target;
  });
  const consumers = groupByNode(nodeCount, sources, targets);
  const layer = longestPathLayers(nodeCount, consumers.start, consumers.list);
  if (consumers.start[output] === consumers.start[output + 1]) {
    let lastOther = -1;
    for (let v = 0; v < nodeCount; v++) if (v !== output) lastOther = Math.max(lastOther, layer[v]!);
    layer[output] = Math.max(layer[output]!, lastOther + 1);
  }

  const hasInput = new Uint8Array(nodeCount);
  for (const target of targets) hasInput[target] = 1;
  const farPinned: { v: number; nearest: number; cost: number }[] = [];
  for (let v = nodeCount - 1; v >= 0; v--) {
    if (consumers.start[v] === consumers.start[v + 1]) continue;
    let nearest = Infinity;
    let cost = 0;
    for (let k = consumers.start[v]!; k < consumers.start[v + 1]!; k++) {
      const at = layer[consumers.list[k]!]!;
      nearest = Math.min(nearest, at);
      cost += at - 1;
    }
    if (hasInput[v]) layer[v] = nearest - 1;
    else if (nearest > maxSourceSpan) {
      if (pins?.isPinned(v)) farPinned.push({ v, nearest, cost });
      else layer[v] = nearest - 1;
    }
  }
  keepCheapestPinned(layer, farPinned, pins?.budget ?? 0);
  return withoutEmptyLayers(layer);
}

// A source's layer does not change any other node's, so sources can be decided after the sweep.
function keepCheapestPinned(layer: Int32Array, farPinned: { v: number; nearest: number; cost: number }[], budget: number): void {
  farPinned.sort((a, b) => a.cost - b.cost || a.v - b.v);
  let spent = 0;
  for (const { v, nearest, cost } of farPinned) {
    if (spent + cost <= budget) spent += cost;
    else layer[v] = nearest - 1;
  }
}

// Nodes come in topological order, so a node's layer is final before any of its consumers is visited.
function longestPathLayers(nodeCount: number, start: Int32Array, consumer: Int32Array): Int32Array {
  const layer = new Int32Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const w = consumer[k]!;
      if (layer[w]! <= layer[v]!) layer[w] = layer[v]! + 1;
    }
  }
  return layer;
}

/** Renumbers layers 0, 1, 2, … keeping their order: moving nodes right can leave a layer empty. */
function withoutEmptyLayers(layer: Int32Array): Int32Array {
  let last = 0;
  for (const l of layer) last = Math.max(last, l);
  const rank = new Int32Array(last + 1);
  for (const l of layer) rank[l] = 1;
  for (let l = 0, used = 0; l <= last; l++) {
    const occupied = rank[l] === 1;
    rank[l] = used;
    if (occupied) used++;
  }
  for (let v = 0; v < layer.length; v++) layer[v] = rank[layer[v]!]!;
  return layer;
}
