import type { Adjacency } from './adjacency.ts';
import {
  SOURCE_ROUNDS,
  WEIGHT_GATE_TO_GATE,
  WEIGHT_GATE_TO_WIRE,
  WEIGHT_OF_SOURCE_AT_REST,
  WEIGHT_WIRE_TO_WIRE,
  WIRE_GAP_RATIO,
} from './constants.ts';
import { blockScratch, fitNonDecreasing, type BlockScratch } from './isotonic.ts';
import type { Ordering } from './ordering.ts';
import type { ProperGraph } from './properGraph.ts';

/**
 * Vertical centre of every node (dummies included), keeping each layer's order and gaps. Wires run left to right
 * like the computation, so a gate sits at the weighted mean of its inputs and a source at the mean of its
 * consumers, as the slides draw them; long wires pull harder and stay level until they bend into their target.
 * A layer is placed at once: the non-overlapping positions closest to those means in least squares.
 */
export function assignY(graph: ProperGraph, ordering: Ordering, heights: Float64Array, nodeGap: number): Float64Array {
  const { layerStart } = ordering;
  const placing: Placing = {
    graph,
    order: ordering.order,
    offset: offsetsFromLayerTop(graph, ordering, heights, nodeGap),
    inputWeight: wireWeights(graph, graph.up),
    consumerWeight: wireWeights(graph, graph.down),
    y: new Float64Array(graph.nodeCount),
    scratch: layerScratch(ordering.order.length),
  };
  const place = (l: number, sourcesFollow: boolean) => placeLayer(placing, layerStart[l]!, layerStart[l + 1]!, sourcesFollow);
  placing.y.set(placing.offset);
  for (let l = 0; l < graph.layerCount; l++) place(l, false);
  // NOTE: sources and their consumers pull on each other; repeated without end, a source next to a consumer's
  // other input chases it down the page. A fixed number of rounds lets sources settle without drifting.
  // Going up only sources move, so layers without one are skipped.
  const hasSource = new Uint8Array(graph.layerCount);
  for (let v = 0; v < graph.nodeCount; v++) if (graph.up.start[v] === graph.up.start[v + 1]) hasSource[graph.layer[v]!] = 1;
  for (let round = 0; round < SOURCE_ROUNDS; round++) {
    for (let l = graph.layerCount - 1; l >= 0; l--) if (hasSource[l]) place(l, true);
    for (let l = 0; l < graph.layerCount; l++) place(l, false);
  }
  return placing.y;
}

/** The least distance of each node's centre below the top node of its layer, so that nothing overlaps. */
function offsetsFromLayerTop(graph: ProperGraph, { order, layerStart }: Ordering, heights: Float64Array, nodeGap: number): Float64Array {
  const offset = new Float64Array(graph.nodeCount);
  for (let l = 0; l < graph.layerCount; l++) {
    for (let i = layerStart[l]! + 1; i < layerStart[l + 1]!; i++) {
      const [above, below] = [order[i - 1]!, order[i]!];
      const bothWires = above >= graph.realCount && below >= graph.realCount;
      const gap = bothWires ? nodeGap * WIRE_GAP_RATIO : nodeGap;
      offset[below] = offset[above]! + (heights[above]! + heights[below]!) / 2 + gap;
    }
  }
  return offset;
}

/** Weight of each wire in `neighbours`: segments of long edges pull harder. */
function wireWeights(graph: ProperGraph, neighbours: Adjacency): Float64Array {
  const weight = new Float64Array(neighbours.list.length);
  for (let v = 0; v < graph.nodeCount; v++) {
    for (let k = neighbours.start[v]!; k < neighbours.start[v + 1]!; k++) {
      const dummies = (v >= graph.realCount ? 1 : 0) + (neighbours.list[k]! >= graph.realCount ? 1 : 0);
      weight[k] = dummies === 2 ? WEIGHT_WIRE_TO_WIRE : dummies === 1 ? WEIGHT_GATE_TO_WIRE : WEIGHT_GATE_TO_GATE;
    }
  }
  return weight;
}

interface Placing {
  readonly graph: ProperGraph;
  readonly order: Int32Array;
  readonly offset: Float64Array;
  readonly inputWeight: Float64Array;
  readonly consumerWeight: Float64Array;
  readonly y: Float64Array;
  readonly scratch: LayerScratch;
}

interface LayerScratch {
  readonly target: Float64Array;
  readonly weight: Float64Array;
  readonly fit: Float64Array;
  readonly blocks: BlockScratch;
}

function layerScratch(size: number): LayerScratch {
  const values = () => new Float64Array(size);
  return { target: values(), weight: values(), fit: values(), blocks: blockScratch(size) };
}

// Subtracting each node's offset from the layer's top turns "no overlap" into "non-decreasing".
function placeLayer(placing: Placing, from: number, to: number, sourcesFollow: boolean): void {
  const { graph, order, offset, y } = placing;
  const { target, weight, fit, blocks } = placing.scratch;
  for (let i = 0; i < to - from; i++) {
    const v = order[from + i]!;
    const isSource = graph.up.start[v] === graph.up.start[v + 1];
    const neighbours = isSource ? graph.down : graph.up;
    const wireWeight = isSource ? placing.consumerWeight : placing.inputWeight;
    let w = 0;
    let sum = 0;
    for (let k = neighbours.start[v]!; k < neighbours.start[v + 1]!; k++) {
      w += wireWeight[k]!;
      sum += wireWeight[k]! * y[neighbours.list[k]!]!;
    }
    // Going down, gates follow their inputs and sources hold still; going up, sources follow their consumers and
    // gates hold still as firmly as they follow.
    const follows = isSource === sourcesFollow && w > 0;
    weight[i] = isSource && !follows ? WEIGHT_OF_SOURCE_AT_REST : w;
    target[i] = (follows ? sum / w : y[v]!) - offset[v]!;
  }
  fitNonDecreasing(target, weight, to - from, fit, blocks);
  for (let i = 0; i < to - from; i++) y[order[from + i]!] = fit[i]! + offset[order[from + i]!]!;
}
