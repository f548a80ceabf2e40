import type { Shape } from './shape.ts';

/** A number for a scalar, a list for a vector, a list of rows for a matrix: how JSON and NumPy write a tensor. */
export type Nested = number | number[] | number[][];

export function toNested(values: ArrayLike<number>, shape: Shape): Nested {
  if (shape.length === 0) return values[0] as number;
  if (shape.length === 1) return Array.from(values);
  const [rows, cols] = shape as [number, number];
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) out.push(Array.from({ length: cols }, (_, j) => values[i * cols + j] as number));
  return out;
}
