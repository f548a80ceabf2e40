/** Rows rendered beyond the visible ones on each side, so a fast scroll never shows a gap before React catches up. */
export const OVERSCAN_ROWS = 5;

/** No window is longer, whatever the screen: rows are keyed by their slot among this many (see WireTable). */
export const MAX_WINDOW = 512;

export interface RowWindow {
  /** First row rendered (inclusive) and last (exclusive). */
  readonly start: number;
  readonly end: number;
}

/** The rows of equal height `rowHeight` to render for a viewport of `height` px scrolled to `scrollTop` (rows only, header excluded). */
export function rowWindow(scrollTop: number, height: number, rowHeight: number, count: number, overscan = OVERSCAN_ROWS): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, height) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  return { start, end: Math.min(count, first + visible + overscan, start + MAX_WINDOW) };
}

/**
 * Where to scroll so row `index` is fully visible in a viewport of `height` px whose top `header` px are covered by the
 * sticky header; `null` when it already is (a row in view never makes the table jump).
 */
export function scrollToShow(index: number, scrollTop: number, height: number, rowHeight: number, header: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  const visibleTop = scrollTop;
  const visibleBottom = scrollTop + height - header;
  if (top >= visibleTop && bottom <= visibleBottom) return null;
  // Brought to a third of the way down, so the rows about to be stepped to are in view too.
  return Math.max(0, Math.round(top - (height - header) / 3));
}
