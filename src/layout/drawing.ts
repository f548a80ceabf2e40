import type { ProperGraph } from './properGraph.ts';
import type { LayoutEdge, LayoutNode, LayoutResult, Point } from './types.ts';

/** Horizontal centre and width of each layer's column: as wide as its widest node. */
export interface Columns {
  readonly centre: Float64Array;
  readonly width: Float64Array;
}

export function layerColumns(graph: ProperGraph, nodes: readonly LayoutNode[], layerGap: number): Columns {
  const width = new Float64Array(graph.layerCount);
  nodes.forEach((node, v) => {
    const l = graph.layer[v]!;
    width[l] = Math.max(width[l]!, node.width);
  });
  const centre = new Float64Array(graph.layerCount);
  for (let l = 0; l < graph.layerCount; l++) {
    centre[l] = l === 0 ? width[0]! / 2 : centre[l - 1]! + width[l - 1]! / 2 + layerGap + width[l]! / 2;
  }
  return { centre, width };
}

/**
 * Node centres and wires, moved so the drawing starts at (0, 0). A wire leaves its source's right side, runs
 * horizontally through the rest of each column it crosses and slants only in the gaps between columns, so it
 * never passes through a node.
 */
export function drawLayout(
  graph: ProperGraph,
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  y: Float64Array,
  columns: Columns,
): Omit<LayoutResult, 'crossings'> {
  const { layer } = graph;
  let top = Infinity;
  let bottom = -Infinity;
  for (let v = 0; v < graph.nodeCount; v++) {
    const halfHeight = v < graph.realCount ? nodes[v]!.height / 2 : 0;
    top = Math.min(top, y[v]! - halfHeight);
    bottom = Math.max(bottom, y[v]! + halfHeight);
  }
  const at = (x: number, v: number): Point => ({ x, y: y[v]! - top });
  const columnLeft = (l: number) => columns.centre[l]! - columns.width[l]! / 2;
  const columnRight = (l: number) => columns.centre[l]! + columns.width[l]! / 2;

  const wire = (edge: LayoutEdge, e: number): { points: Point[] } => {
    const { source, target } = edge;
    const sourceLayer = layer[source]!;
    const targetLayer = layer[target]!;
    const points = [at(columns.centre[sourceLayer]! + nodes[source]!.width / 2, source)];
    if (nodes[source]!.width < columns.width[sourceLayer]!) points.push(at(columnRight(sourceLayer), source));
    const firstDummy = graph.firstDummy[e]!;
    if (firstDummy >= 0) {
      for (let d = firstDummy; d < firstDummy + targetLayer - sourceLayer - 1; d++) {
        points.push(at(columnLeft(layer[d]!), d));
        if (columns.width[layer[d]!]! > 0) points.push(at(columnRight(layer[d]!), d));
      }
    }
    if (nodes[target]!.width < columns.width[targetLayer]!) points.push(at(columnLeft(targetLayer), target));
    points.push(at(columns.centre[targetLayer]! - nodes[target]!.width / 2, target));
    return { points };
  };

  const lastLayer = graph.layerCount - 1;
  return {
    nodes: nodes.map((_, v) => at(columns.centre[layer[v]!]!, v)),
    edges: edges.map(wire),
    width: columnRight(lastLayer),
    height: bottom - top,
    layers: graph.layerCount,
  };
}
