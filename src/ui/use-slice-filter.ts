import { useEffect, useState } from 'react';
import { filterSlice, searchKey, type WireTexts } from './wire-rows.ts';

/** Wires searched between looks at the clock; a task searches for at most BUDGET_MS, then the page answers input. */
const CHUNK = 1_000;
const BUDGET_MS = 8;

export interface WireSearch {
  /** Node indices that match, ascending; null when there is no query (every wire). */
  readonly rows: readonly number[] | null;
  readonly busy: boolean;
}

const ALL: WireSearch = { rows: null, busy: false };

/** Filters the wires by a query in slices between tasks; a newer query (or circuit) cancels the one running. */
export function useSliceFilter(texts: WireTexts | null, query: string): WireSearch {
  const key = searchKey(query);
  const [result, setResult] = useState<{ texts: WireTexts | null; key: string; search: WireSearch }>({ texts, key: '', search: ALL });
  useEffect(() => {
    if (!texts || !key) return;
    let cancelled = false;
    const found: number[] = [];
    let at = 0;
    const run = () => {
      if (cancelled) return;
      const until = performance.now() + BUDGET_MS;
      do at = filterSlice(texts, key, at, at + CHUNK, found);
      while (at < texts.count && performance.now() < until);
      if (at < texts.count) setTimeout(run, 0);
      else setResult({ texts, key, search: { rows: found, busy: false } });
    };
    run();
    return () => {
      cancelled = true;
    };
  }, [texts, key]);
  if (!texts || !key) return ALL;
  if (result.texts === texts && result.key === key) return result.search;
  // Still searching: the previous result stays on screen until the new one is ready.
  return { rows: result.texts === texts && result.key ? result.search.rows : null, busy: true };
}
