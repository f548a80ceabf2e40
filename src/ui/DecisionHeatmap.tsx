import { useEffect, useRef } from 'react';
import { paintDecisionMap, MAP_PIXELS } from '../render/decision-heatmap.ts';
import { decisionMapOf, predictionsOf } from '../state/decision-view.ts';
import { useApp } from './store-context.ts';

/** Where the data has two features: the network's prediction over their plane, with the training points. */
export function DecisionHeatmap() {
  const model = useApp((s) => s.model);
  const canvas = useRef<HTMLCanvasElement>(null);
  const map = model ? decisionMapOf(model) : null;
  useEffect(() => {
    if (canvas.current && model && map) paintDecisionMap(canvas.current, map, predictionsOf(model, map));
  }, [model, map]);
  if (!map) return null;
  const [t0, t1] = map.targets;
  const unit = [...map.x0, ...map.x1].join() === '0,1,0,1';
  const plane = unit ? 'the unit square, x₀ → and x₁ ↑' : `x₀ from ${map.x0[0]} to ${map.x0[1]} (→), x₁ from ${map.x1[0]} to ${map.x1[1]} (↑)`;
  return (
    <figure className="decision-map" data-testid="train.heatmap">
      <canvas ref={canvas} style={{ width: MAP_PIXELS, height: MAP_PIXELS }} role="img"
        aria-label={`The network's output over the plane of the two input features, with the ${map.points.length} training points coloured by target`} />
      <figcaption className="hint">
        The output over {plane}: orange near {t0}, purple near {t1}. Dots: the training points, coloured by their target.
      </figcaption>
    </figure>
  );
}
