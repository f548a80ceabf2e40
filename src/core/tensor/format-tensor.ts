import { formatFull } from '../number-format.ts';
import { sizeOf, type Shape } from './shape.ts';

/** Tensors up to this many numbers are written out in explanations; larger ones are described by their shape. */
export const WRITTEN_TENSOR_LIMIT = 12;

/** Four significant digits: enough to follow a step, short enough that a 3×4 matrix fits a line or two. */
export function formatShort(v: number): string {
  if (!Number.isFinite(v)) return formatFull(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e9)) return v.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}

/** `0.22`, `[0.22, 0.26]` or `[[0.088, 0.176], [0.104, 0.208]]`, as NumPy prints them, with full precision. */
export function formatTensor(values: ArrayLike<number>, shape: Shape, format: (v: number) => string = formatFull): string {
  if (shape.length === 0) return format(values[0] as number);
  const cols = shape[shape.length - 1] as number;
  const row = (r: number) => `[${Array.from({ length: cols }, (_, j) => format(values[r * cols + j] as number)).join(', ')}]`;
  if (shape.length === 1) return row(0);
  return `[${Array.from({ length: shape[0] as number }, (_, r) => row(r)).join(', ')}]`;
}

/** The tensor written out (to four significant digits) when small enough to read, else undefined. */
export function smallTensor(values: ArrayLike<number>, shape: Shape): string | undefined {
  return sizeOf(shape) <= WRITTEN_TENSOR_LIMIT ? formatTensor(values, shape, formatShort) : undefined;
}
