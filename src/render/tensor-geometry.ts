import { formatValue, sizeOf, type Shape } from '../core/index.ts';
import {
  BRACKET_ARM, BRACKET_PAD, CHAR_WIDTH, HEATMAP_MAX_ASPECT, HEATMAP_MAX_CELL, HEATMAP_MAX_SIDE, HEATMAP_SIZE, MATRIX_CELL_CHARS,
  MATRIX_CELL_GAP, MATRIX_FONT, MATRIX_MAX_COLS, MATRIX_MAX_ROWS, MATRIX_ROW, RANGE_CHARS, RANGE_FONT,
} from './constants.ts';

/** A tensor small enough to read, written out as a bracketed block of numbers. */
export interface MatrixBlock {
  readonly kind: 'matrix';
  readonly rows: number;
  readonly cols: number;
  readonly cellWidth: number;
  readonly width: number;
  readonly height: number;
}

/** A larger tensor as a grid of coloured cells, its range written beside it. */
export interface HeatmapBlock {
  readonly kind: 'heatmap';
  /** The grid drawn: the matrix itself, or its elements wrapped row by row into a near-square grid. */
  readonly rows: number;
  readonly cols: number;
  readonly count: number;
  readonly cell: number;
  readonly mapWidth: number;
  readonly mapHeight: number;
  readonly rangeWidth: number;
  readonly width: number;
  readonly height: number;
}

export type TensorBlock = MatrixBlock | HeatmapBlock;

/** Rows and columns as the slides write them: a vector is one row, an n×1 matrix a column. */
export function matrixDims(shape: Shape): [rows: number, cols: number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [1, shape[0] as number];
  return [shape[0] as number, shape[1] as number];
}

export function isLegible(shape: Shape): boolean {
  const [rows, cols] = matrixDims(shape);
  return rows <= MATRIX_MAX_ROWS && cols <= MATRIX_MAX_COLS;
}

/** The grid a heatmap draws: a matrix keeps its rows unless it is huge or thin; a vector wraps into a square. */
export function heatmapGrid(shape: Shape): { rows: number; cols: number; count: number } {
  const count = sizeOf(shape);
  const [r, c] = matrixDims(shape);
  if (shape.length === 2 && Math.max(r, c) <= HEATMAP_MAX_SIDE && Math.max(r / c, c / r) <= HEATMAP_MAX_ASPECT) return { rows: r, cols: c, count };
  const cols = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { rows: Math.max(1, Math.ceil(count / cols)), cols, count };
}

/** The block drawn above (value) and below (gradient) a tensor wire; it depends on the shape only, never on values. */
export function tensorBlock(shape: Shape): TensorBlock {
  if (isLegible(shape)) {
    const [rows, cols] = matrixDims(shape);
    const cellWidth = MATRIX_CELL_CHARS * MATRIX_FONT * CHAR_WIDTH + MATRIX_CELL_GAP;
    return { kind: 'matrix', rows, cols, cellWidth, width: cols * cellWidth + 2 * (BRACKET_ARM + BRACKET_PAD), height: rows * MATRIX_ROW + 4 };
  }
  const { rows, cols, count } = heatmapGrid(shape);
  const cell = Math.min(HEATMAP_MAX_CELL, HEATMAP_SIZE / Math.max(rows, cols));
  const mapWidth = cols * cell;
  const mapHeight = rows * cell;
  const rangeWidth = RANGE_CHARS * RANGE_FONT * CHAR_WIDTH;
  return {
    kind: 'heatmap', rows, cols, count, cell, mapWidth, mapHeight, rangeWidth,
    width: rangeWidth + 4 + mapWidth, height: Math.max(mapHeight, RANGE_FONT + 4),
  };
}

/**
 * Two decimals as the scalar labels; a number too long for its cell loses decimals, then goes to short exponent
 * form (`-3e-3`). The hover shows it in full.
 */
export function cellText(v: number): string {
  for (const digits of [2, 1, 0]) {
    const s = formatValue(v, digits);
    if (s.length <= MATRIX_CELL_CHARS && (digits === 2 || !s.includes('e'))) return s;
  }
  return v.toExponential(0).replace('e+', 'e');
}

/** `[3]` or `[1, 2]`: where element k (row-major) sits in a tensor of this shape. */
export function elementIndex(shape: Shape, k: number): string {
  if (shape.length === 0) return '';
  if (shape.length === 1) return `[${k}]`;
  const cols = shape[1] as number;
  return `[${Math.floor(k / cols)}, ${k % cols}]`;
}

/** `-2.1 … 3.4`: a heatmap's range, short enough to sit beside it. */
export function rangeText(min: number, max: number): string {
  const f = (v: number) => formatValue(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 || v === 0 ? 1 : 2).replace('-', '−');
  return `${f(min)} … ${f(max)}`;
}

export function extent(values: ArrayLike<number>): { min: number; max: number; mean: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, max, mean: values.length ? sum / values.length : NaN };
}
