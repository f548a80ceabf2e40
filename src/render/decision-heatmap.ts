import type { DecisionMap } from '../core/training/index.ts';
import { heatCss, paintPixels } from './heatmap.ts';

/** Side of the drawn map in CSS pixels. */
export const MAP_PIXELS = 168;

let cells: HTMLCanvasElement | null = null;

/**
 * The prediction over the plane on the heatmaps' PuOr scale, centred between the targets (so for targets 0 and 1,
 * orange means "0", purple "1" and white the undecided 0.5), smoothed as TensorFlow Playground draws it, with the
 * training points on top in their targets' colours.
 */
export function paintDecisionMap(canvas: HTMLCanvasElement, map: DecisionMap, predictions: ArrayLike<number>): void {
  const ratio = Math.min(3, Math.max(1, globalThis.devicePixelRatio || 1));
  const side = Math.round(MAP_PIXELS * ratio);
  if (canvas.width !== side) canvas.width = canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const [t0, t1] = map.targets;
  const mid = (t0 + t1) / 2;
  const half = (t1 - t0) / 2 || 1;
  const centred = Float64Array.from(predictions, (v) => v - mid);
  cells ??= document.createElement('canvas');
  cells.width = cells.height = map.size;
  cells.getContext('2d')?.putImageData(new ImageData(paintPixels(centred, map.size, map.size, half), map.size, map.size), 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.clearRect(0, 0, side, side);
  ctx.drawImage(cells, 0, 0, side, side);
  const at = (v: number, [lo, hi]: readonly [number, number]) => ((v - lo) / (hi - lo || 1)) * side;
  const r = 6 * ratio;
  for (const p of map.points) {
    const x = Math.min(side - r - 2 * ratio, Math.max(r + 2 * ratio, at(p.x0, map.x0)));
    const y = Math.min(side - r - 2 * ratio, Math.max(r + 2 * ratio, side - at(p.x1, map.x1)));
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = heatCss(p.target - mid, half);
    ctx.fill();
    // A white ring inside a thin dark one: the dot stands out on a background of its own colour and on white.
    ctx.lineWidth = 2.5 * ratio;
    ctx.strokeStyle = '#fff';
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(x, y, r + 1.6 * ratio, 0, 2 * Math.PI);
    ctx.lineWidth = 1 * ratio;
    ctx.strokeStyle = '#222';
    ctx.stroke();
  }
}
