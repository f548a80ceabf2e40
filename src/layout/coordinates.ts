import {
  COORDINATE_ROUNDS,
  WEIGHT_GATE_TO_GATE,
  WEIGHT_GATE_TO_WIRE,
  WEIGHT_OF_LONE_NODE,
  WEIGHT_WIRE_TO_WIRE,
  WIRE_GAP_RATIO,
} from './constants.ts';
import { blockScratch, fitNonDecreasing, type BlockScratch } from './isotonic.ts';
import type { Ordering } from './ordering.ts';
import type { ProperGraph } from './properGraph.ts';

/**
 * Vertical centre of every node (dummies included), keeping each layer's order and gaps. Minimises the weighted
 * sum of squared vertical wire offsets, layer by layer: with its neighbour layers fixed, a layer's best place is
 * the weighted mean of each node's neighbours, made non-overlapping by an isotonic fit. Rounds sweep down and up.
 */
export function assignY(graph: ProperGraph, ordering: Ordering, heights: Float64Array, nodeGap: number): Float64Array {
  const { order, layerStart } = ordering;
  const separation = (above: number, below: number) => {
    const bothWires = above >= graph.realCount && below >= graph.realCount;
    return (heights[above]! + heights[below]!) / 2 + (bothWires ? nodeGap * WIRE_GAP_RATIO : nodeGap);
  };
  const y = new Float64Array(graph.nodeCount);
  let maxLayerSize = 0;
  for (let l = 0; l < graph.layerCount; l++) {
    const from = layerStart[l]!;
    maxLayerSize = Math.max(maxLayerSize, layerStart[l + 1]! - from);
    for (let i = from + 1; i < layerStart[l + 1]!; i++) y[order[i]!] = y[order[i - 1]!]! + separation(order[i - 1]!, order[i]!);
  }

  const scratch = layerScratch(maxLayerSize);
  const place = (l: number) => placeLayer(graph, order.subarray(layerStart[l]!, layerStart[l + 1]!), y, separation, scratch);
  for (let round = 0; round < COORDINATE_ROUNDS; round++) {
    for (let l = 0; l < graph.layerCount; l++) place(l);
  }
  return y;
}

interface LayerScratch {
  readonly target: Float64Array;
  readonly weight: Float64Array;
  readonly offset: Float64Array;
  readonly fit: Float64Array;
  readonly blocks: BlockScratch;
}

function layerScratch(size: number): LayerScratch {
  const values = () => new Float64Array(size);
  return { target: values(), weight: values(), offset: values(), fit: values(), blocks: blockScratch(size) };
}

// Shifting node i up by its minimal distance from the top node turns "no overlap" into "non-decreasing".
function placeLayer(
  graph: ProperGraph,
  nodes: Int32Array,
  y: Float64Array,
  separation: (above: number, below: number) => number,
  { target, weight, offset, fit, blocks }: LayerScratch,
): void {
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i]!;
    offset[i] = i === 0 ? 0 : offset[i - 1]! + separation(nodes[i - 1]!, v);
    // Wires run left to right like the computation: a gate sits at the mean of its inputs, a source at the mean
    // of its consumers, as the slides draw them. Long wires then stay level until they bend into their target.
    const neighbours = graph.up.start[v] === graph.up.start[v + 1] ? graph.down : graph.up;
    let w = 0;
    let sum = 0;
    for (let k = neighbours.start[v]!; k < neighbours.start[v + 1]!; k++) {
      const u = neighbours.list[k]!;
      const wire = wireWeight(graph, u, v);
      w += wire;
      sum += wire * y[u]!;
    }
    weight[i] = w > 0 ? w : WEIGHT_OF_LONE_NODE;
    target[i] = (w > 0 ? sum / w : y[v]!) - offset[i]!;
  }
  fitNonDecreasing(target, weight, nodes.length, fit, blocks);
  for (let i = 0; i < nodes.length; i++) y[nodes[i]!] = fit[i]! + offset[i]!;
}

function wireWeight(graph: ProperGraph, u: number, v: number): number {
  const dummies = (u >= graph.realCount ? 1 : 0) + (v >= graph.realCount ? 1 : 0);
  return dummies === 2 ? WEIGHT_WIRE_TO_WIRE : dummies === 1 ? WEIGHT_GATE_TO_WIRE : WEIGHT_GATE_TO_GATE;
}
