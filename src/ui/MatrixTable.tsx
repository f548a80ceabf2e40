import { formatFull } from '../core/index.ts';

/** Tables bigger than this are cut, with a note; the heatmap above them still shows every number. */
export const TABLE_MAX_ROWS = 64;
export const TABLE_MAX_COLS = 24;

interface Column {
  readonly header: string;
  /** One number per element, or undefined while not known at this step. */
  readonly values: ArrayLike<number> | undefined;
}

const cellOf = (v: number | undefined) => (v === undefined ? '–' : formatFull(v));

/** A matrix as a table with its row and column numbers, scrollable inside the dialog. */
export function MatrixTable({ values, rows, cols, caption, testId }: { values: ArrayLike<number>; rows: number; cols: number; caption: string; testId: string }) {
  const shownRows = Math.min(rows, TABLE_MAX_ROWS);
  const shownCols = Math.min(cols, TABLE_MAX_COLS);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="matrix-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead><tr><th scope="col" aria-label="row" />{Array.from({ length: shownCols }, (_, c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
        <tbody>
          {Array.from({ length: shownRows }, (_, r) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {Array.from({ length: shownCols }, (_, c) => <td key={c}>{cellOf(values[r * cols + c])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {(rows > shownRows || cols > shownCols) && (
        <p className="hint">Showing {shownRows} of {rows} rows and {shownCols} of {cols} columns; the heatmap shows every number.</p>
      )}
    </div>
  );
}

/** Vectors (and scalars) as one row per element: its index, then a column per quantity (value, gradient). */
export function ColumnTable({ count, columns, caption, testId, index }: { count: number; columns: readonly Column[]; caption: string; testId: string; index: (k: number) => string }) {
  const shown = Math.min(count, TABLE_MAX_ROWS * 4);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="matrix-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">element</th>{columns.map((c) => <th key={c.header} scope="col">{c.header}</th>)}</tr></thead>
        <tbody>
          {Array.from({ length: shown }, (_, k) => (
            <tr key={k}>
              <th scope="row">{index(k)}</th>
              {columns.map((c) => <td key={c.header}>{c.values ? cellOf(c.values[k]) : '–'}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {count > shown && <p className="hint">Showing the first {shown} of {count} elements; the heatmap shows every number.</p>}
    </div>
  );
}
