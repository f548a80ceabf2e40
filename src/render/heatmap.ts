import * as d3 from 'd3';

/**
 * The heatmaps' colours: ColorBrewer's PuOr, a diverging scale that stays readable with every common colour-vision
 * deficiency and does not use the green and red that mean value and gradient. Orange below 0, near-white at 0,
 * purple above; the scale is symmetric (±max |v|), so 0 is always the middle.
 */
const STEPS = 256;
const LUT: Uint8Array = (() => {
  const lut = new Uint8Array(STEPS * 3);
  for (let s = 0; s < STEPS; s++) {
    const c = d3.rgb(d3.interpolatePuOr(1 - s / (STEPS - 1)));
    lut.set([c.r, c.g, c.b], 3 * s);
  }
  return lut;
})();
/** NaN has no place on the scale: a neutral grey, told apart by the hover text. */
const NAN_RGB = [128, 128, 128] as const;

/** The symmetric limit of the scale for these values (1 when all are 0, so that 0 is still the middle colour). */
export function scaleLimit(values: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < values.length; k++) {
    const a = Math.abs(values[k] as number);
    if (a > m && a !== Infinity) m = a;
  }
  return m > 0 ? m : 1;
}

export function heatRgb(v: number, limit: number): readonly [number, number, number] {
  if (Number.isNaN(v)) return NAN_RGB;
  const t = Math.max(0, Math.min(1, 0.5 + v / (2 * limit)));
  const s = 3 * Math.round(t * (STEPS - 1));
  return [LUT[s] as number, LUT[s + 1] as number, LUT[s + 2] as number];
}

export function heatCss(v: number, limit: number): string {
  const [r, g, b] = heatRgb(v, limit);
  return `rgb(${r}, ${g}, ${b})`;
}

/** One pixel per cell, row by row; cells past the last element stay transparent. */
export function paintPixels(values: ArrayLike<number>, rows: number, cols: number, limit = scaleLimit(values)): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(new ArrayBuffer(rows * cols * 4));
  for (let k = 0; k < values.length && k < rows * cols; k++) {
    const [r, g, b] = heatRgb(values[k] as number, limit);
    pixels[4 * k] = r;
    pixels[4 * k + 1] = g;
    pixels[4 * k + 2] = b;
    pixels[4 * k + 3] = 255;
  }
  return pixels;
}

/** Paints the heatmap into a canvas of one pixel per cell, to be scaled up without smoothing. */
export function paintCanvas(canvas: HTMLCanvasElement, values: ArrayLike<number>, rows: number, cols: number): void {
  canvas.width = cols;
  canvas.height = rows;
  canvas.getContext('2d')?.putImageData(new ImageData(paintPixels(values, rows, cols), cols, rows), 0, 0);
}

let scratch: HTMLCanvasElement | null = null;

/** A PNG data URL of the heatmap, for an SVG <image>: one element however many cells. */
export function heatmapUrl(values: ArrayLike<number>, rows: number, cols: number): string {
  scratch ??= document.createElement('canvas');
  paintCanvas(scratch, values, rows, cols);
  return scratch.toDataURL('image/png');
}
