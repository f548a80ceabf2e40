import { runToEnd } from '../core/index.ts';
import { assignY } from './coordinates.ts';
import { DEFAULT_LAYER_GAP, DEFAULT_MAX_SOURCE_SPAN, DEFAULT_NODE_GAP, DUMMY_BUDGET, pinDummyBudget } from './constants.ts';
import { drawLayout, layerColumns } from './drawing.ts';
import { assignLayers } from './layering.ts';
import { orderSteps } from './ordering.ts';
import { buildProperGraph } from './properGraph.ts';
import type { LayoutEdge, LayoutNode, LayoutOptions, LayoutResult } from './types.ts';

export type { LayoutEdge, LayoutNode, LayoutOptions, LayoutResult, Point } from './types.ts';
export { countCrossings } from './crossings.ts';

/**
 * Layered left-to-right drawing of a circuit (after Sugiyama et al.): layers (columns) from the longest path with
 * each gate moved next to its nearest consumer, dummy nodes where a wire crosses a layer, barycenter crossing
 * reduction, then heights at which each gate sits at the mean of its inputs. Pure, deterministic, iterative.
 * Nodes must come in topological order: every edge goes from a lower to a higher index.
 */
export function layout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = {},
): LayoutResult {
  return runToEnd(layoutSteps(nodes, edges, options));
}

/** layout in steps: it yields between its stages and after each crossing-reduction sweep (tens of ms at 5,000 gates). */
export function* layoutSteps(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = {},
): Generator<void, LayoutResult> {
  if (nodes.length === 0) return { nodes: [], edges: [], width: 0, height: 0, layers: 0, crossings: 0 };
  nodes.forEach(checkSize);
  edges.forEach((edge, i) => checkEdge(edge, i, nodes.length));
  const output = options.output ?? nodes.length - 1;
  if (!isIndex(output, nodes.length)) {
    throw new Error(`layout: expected the output to be a node index in 0…${nodes.length - 1}; found ${output}`);
  }
  const maxSourceSpan = options.maxSourceSpan ?? DEFAULT_MAX_SOURCE_SPAN;
  const pins = { isPinned: (v: number) => nodes[v]!.pinned === true, budget: pinDummyBudget(nodes.length) };
  const layers = assignLayers(nodes.length, edges, output, maxSourceSpan, pins);
  yield;
  const graph = buildProperGraph(layers, edges, DUMMY_BUDGET);
  yield;
  const ordering = yield* orderSteps(graph);
  const heights = new Float64Array(graph.nodeCount);
  nodes.forEach((node, v) => (heights[v] = node.height));
  const y = assignY(graph, ordering, heights, options.nodeGap ?? DEFAULT_NODE_GAP);
  const columns = layerColumns(graph, nodes, options.layerGap ?? DEFAULT_LAYER_GAP);
  yield;
  return { ...drawLayout(graph, nodes, edges, y, columns), crossings: ordering.crossings };
}

const isIndex = (i: number, nodeCount: number) => Number.isInteger(i) && i >= 0 && i < nodeCount;

function checkSize({ id, width, height }: LayoutNode): void {
  if (!(Number.isFinite(width) && Number.isFinite(height) && width >= 0 && height >= 0)) {
    throw new Error(`layout: expected node ${id} to have a finite size ≥ 0; found ${width} × ${height}`);
  }
}

function checkEdge({ source, target }: LayoutEdge, index: number, nodeCount: number): void {
  if (!isIndex(source, nodeCount) || !isIndex(target, nodeCount) || source >= target) {
    throw new Error(
      `layout: edge ${index} must join two node indices in 0…${nodeCount - 1} with source < target ` +
        `(nodes in topological order); found ${source} → ${target}`,
    );
  }
}
