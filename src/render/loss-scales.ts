import * as d3 from 'd3';

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface LossScales {
  readonly x: d3.ScaleLinear<number, number>;
  readonly y: d3.ScaleContinuousNumeric<number, number>;
  /** Log asked for and possible (some loss is positive and finite). */
  readonly log: boolean;
}

/** Whether a loss can be drawn on this scale: finite, and positive on a log scale. */
export const drawable = (v: number, log: boolean) => Number.isFinite(v) && (!log || v > 0);

/** Iterations along x; the drawable losses' range along y (NaN and ±∞ never reach a domain). */
export function lossScales(losses: ArrayLike<number>, box: ChartBox, wantLog: boolean): LossScales {
  let lo = Infinity;
  let hi = -Infinity;
  let positive = Infinity;
  for (let i = 0; i < losses.length; i++) {
    const v = losses[i] as number;
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
    if (v > 0) positive = Math.min(positive, v);
  }
  const x = d3.scaleLinear().domain([0, Math.max(1, losses.length - 1)]).range([box.left, box.width - box.right]);
  const range = [box.height - box.bottom, box.top];
  const log = wantLog && positive !== Infinity;
  if (log) {
    const top = hi > positive ? hi : positive * 10;
    return { x, y: d3.scaleLog().domain([positive, top]).range(range).nice(), log };
  }
  if (lo === Infinity) return { x, y: d3.scaleLinear().domain([0, 1]).range(range), log };
  const [a, b] = lo === hi ? [Math.min(0, lo - (Math.abs(lo) || 1) / 2), hi + (Math.abs(hi) || 1) / 2] : [Math.min(0, lo), hi];
  return { x, y: d3.scaleLinear().domain([a, b]).range(range).nice(), log };
}

/**
 * The loss curve as a path: per pixel column the lowest and highest loss in it, so 60,000 iterations cost a few
 * hundred points. A loss that cannot be drawn breaks the line.
 */
export function lossPath(losses: ArrayLike<number>, scales: LossScales): string {
  const { x, y, log } = scales;
  const n = losses.length;
  const [x0, x1] = x.range() as [number, number];
  const columns = Math.max(1, Math.ceil(x1 - x0));
  const parts: string[] = [];
  let open = false;
  const per = n / columns;
  for (let c = 0; c < columns && c * per < n; c++) {
    const from = Math.floor(c * per);
    const to = Math.max(from + 1, Math.floor((c + 1) * per));
    let lo = Infinity;
    let hi = -Infinity;
    let broken = false;
    for (let i = from; i < to && i < n; i++) {
      const v = losses[i] as number;
      if (!drawable(v, log)) broken = true;
      else {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo === Infinity) {
      open = false;
      continue;
    }
    const px = x(from).toFixed(1);
    parts.push(`${open ? 'L' : 'M'}${px},${y(hi).toFixed(1)}`);
    if (hi !== lo) parts.push(`L${px},${y(lo).toFixed(1)}`);
    open = !broken;
  }
  return parts.join('');
}
