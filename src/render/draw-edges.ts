import * as d3 from 'd3';
import type { Scene, SceneEdge } from './scene.ts';

const line = d3.line<{ x: number; y: number }>((p) => p.x, (p) => p.y).curve(d3.curveMonotoneX);

/** An edge as drawn: the scene's edge and its index there. Paths already on the page keep the one of the scene they were drawn for. */
interface Drawn { readonly edge: SceneEdge; readonly k: number }

/** One path per wire branch, keyed by the ids of its two ends: the scene's edges at `indices` (all of them by default). */
export function drawEdges(layer: d3.Selection<d3.BaseType, unknown, null, undefined>, scene: Scene, duration: number, indices?: readonly number[]): void {
  const drawn: Drawn[] = indices ? indices.map((k) => ({ edge: scene.edges[k] as SceneEdge, k })) : scene.edges.map((edge, k) => ({ edge, k }));
  const paths = layer.selectAll<SVGPathElement, Drawn>('path.edge').data(drawn, (d) => d.edge.id);
  paths.exit().remove();
  const d = (e: Drawn) => line(e.edge.points as { x: number; y: number }[]);
  const entered = paths.enter().append('path').attr('class', 'edge').attr('d', d);
  const merged = entered.merge(paths)
    .attr('data-edge-index', (e) => e.k)
    .attr('data-source', (e) => scene.nodes[e.edge.source]?.id ?? '')
    .attr('data-target', (e) => scene.nodes[e.edge.target]?.id ?? '')
    // A wire carrying a vector or matrix is drawn heavier, as on the stub it leaves.
    .classed('tensor', (e) => scene.nodes[e.edge.source]?.tensor !== undefined);
  (duration ? merged.transition().duration(duration) : merged).attr('d', d);
}
