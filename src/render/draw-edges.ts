import * as d3 from 'd3';
import type { Scene, SceneEdge } from './scene.ts';

const line = d3.line<{ x: number; y: number }>((p) => p.x, (p) => p.y).curve(d3.curveMonotoneX);

/** One path per wire branch, keyed by the ids of its two ends. */
export function drawEdges(layer: d3.Selection<d3.BaseType, unknown, null, undefined>, scene: Scene, duration: number): void {
  const paths = layer.selectAll<SVGPathElement, SceneEdge>('path.edge').data(scene.edges, (e) => e.id);
  paths.exit().remove();
  const entered = paths.enter().append('path').attr('class', 'edge').attr('d', (e) => line(e.points as { x: number; y: number }[]));
  const merged = entered.merge(paths)
    .attr('data-edge-index', (_e, i) => i)
    .attr('data-source', (e) => scene.nodes[e.source]?.id ?? '')
    .attr('data-target', (e) => scene.nodes[e.target]?.id ?? '')
    // A wire carrying a vector or matrix is drawn heavier, as on the stub it leaves.
    .classed('tensor', (e) => scene.nodes[e.source]?.tensor !== undefined);
  (duration ? merged.transition().duration(duration) : merged).attr('d', (e) => line(e.points as { x: number; y: number }[]));
}
