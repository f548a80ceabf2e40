import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { rowWindow, scrollToShow, type RowWindow } from './virtual-window.ts';

/** Until a row has been measured; the CSS gives every row one fixed height per theme. */
const ESTIMATED_PX = 30;

export interface VirtualRows {
  /** For the scrolling box: the table with a sticky header inside it. */
  readonly box: RefObject<HTMLDivElement | null>;
  readonly view: RowWindow;
  readonly rowHeight: number;
  readonly onScroll: () => void;
  /** Scrolls just enough that row k is fully in view (not at all when it is). */
  readonly scrollToRow: (k: number) => void;
}

/**
 * The window of rows to render in a scrolling box with a sticky header. Sizes are measured only when `sizeKey`
 * changes (theme, columns) or the box is resized; a scroll reads nothing from the layout but the scroll position,
 * so the browser lays out the new rows once, in its own frame, not inside the script that renders them.
 */
export function useVirtualRows(count: number, sizeKey: string): VirtualRows {
  const box = useRef<HTMLDivElement>(null);
  const sizes = useRef({ row: ESTIMATED_PX, header: ESTIMATED_PX, height: 600 });
  const [rowHeight, setRowHeight] = useState(ESTIMATED_PX);
  const [view, setView] = useState<RowWindow>(() => rowWindow(0, 600, ESTIMATED_PX, count));

  const update = () => {
    const el = box.current;
    if (!el) return;
    const { row, header, height } = sizes.current;
    const next = rowWindow(el.scrollTop, height - header, row, count);
    setView((v) => (v.start === next.start && v.end === next.end ? v : next));
  };
  const latest = useRef(update);
  useLayoutEffect(() => {
    latest.current = update;
  });

  const measure = () => {
    const el = box.current;
    if (!el) return;
    const row = el.querySelector('tbody tr[data-k]')?.getBoundingClientRect().height;
    const header = el.querySelector('thead')?.getBoundingClientRect().height;
    sizes.current = { row: row || sizes.current.row, header: header || sizes.current.header, height: el.clientHeight };
    setRowHeight(sizes.current.row);
    latest.current();
  };
  const measureRef = useRef(measure);
  useLayoutEffect(() => {
    measureRef.current = measure;
  });

  // The first rows (or a new theme's, or a new count's) are measured before the browser paints them.
  const hasRows = count > 0;
  useLayoutEffect(() => measureRef.current(), [sizeKey, hasRows, count]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => measureRef.current());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scrollToRow = (k: number) => {
    const el = box.current;
    if (!el || k < 0) return;
    const { row, header, height } = sizes.current;
    const to = scrollToShow(k, el.scrollTop, height, row, header);
    if (to !== null) el.scrollTop = to;
  };

  return { box, view, rowHeight, onScroll: update, scrollToRow };
}
