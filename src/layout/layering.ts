import { groupByNode } from './adjacency.ts';
import type { LayoutEdge } from './types.ts';

/**
 * The layer (column) of every node: the longest path from the sources, then the output (the last node) alone in
 * the last layer, then sources whose nearest consumer is more than `maxSourceSpan` layers away moved next to it.
 */
export function assignLayers(nodeCount: number, edges: readonly LayoutEdge[], maxSourceSpan: number): Int32Array {
  const sources = new Int32Array(edges.length);
  const targets = new Int32Array(edges.length);
  edges.forEach((edge, i) => {
    sources[i] = edge.source;
    targets[i] = edge.target;
  });
  const consumers = groupByNode(nodeCount, sources, targets);
  const layer = longestPathLayers(nodeCount, consumers.start, consumers.list);
  placeOutputLast(layer);
  const hasInput = new Uint8Array(nodeCount);
  for (const target of targets) hasInput[target] = 1;
  for (let v = 0; v < nodeCount - 1; v++) {
    if (hasInput[v] || consumers.start[v] === consumers.start[v + 1]) continue;
    let nearest = Infinity;
    for (let k = consumers.start[v]!; k < consumers.start[v + 1]!; k++) {
      nearest = Math.min(nearest, layer[consumers.list[k]!]!);
    }
    if (nearest - layer[v]! > maxSourceSpan) layer[v] = nearest - 1;
  }
  return shiftToZero(layer);
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

function placeOutputLast(layer: Int32Array): void {
  const output = layer.length - 1;
  let lastOther = -1;
  for (let v = 0; v < output; v++) lastOther = Math.max(lastOther, layer[v]!);
  if (layer[output]! <= lastOther) layer[output] = lastOther + 1;
}

// Moving every source of the first layer right leaves it empty.
function shiftToZero(layer: Int32Array): Int32Array {
  let first = Infinity;
  for (const l of layer) first = Math.min(first, l);
  if (first > 0) for (let v = 0; v < layer.length; v++) layer[v]! -= first;
  return layer;
}
