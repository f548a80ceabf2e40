import type { SlideView, SourceError } from '../core/index.ts';
import { buildModel } from '../state/model.ts';

/** What the editor needs to know of a slide's formula: its error, or how many steps its circuit has in the slide's view. */
export type SlideCheck = { ok: true; last: number } | { ok: false; error: SourceError };

const MAX_CACHED = 64;
const cache = new Map<string, SlideCheck>();

/**
 * Compiles a slide's formula as the deck will show it (σ expanded, tensors as scalars), so its stops can be checked
 * against the real step count. Cached, because the editor asks on every keystroke in any field.
 */
export function checkSlide(source: string, view: SlideView): SlideCheck {
  const id = `${view.expand ? 1 : 0}${view.scalars ? 1 : 0}${source}`;
  const known = cache.get(id);
  if (known) return known;
  const built = buildModel(source, { expandSigmoid: view.expand ?? false, asScalars: view.scalars ?? false });
  const check: SlideCheck = built.ok ? { ok: true, last: built.model.schedule.last } : { ok: false, error: built.error };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(id, check);
  return check;
}

/** "Line 2, column 7: expected a number …", as the formula editor words it. */
export const describeError = (e: SourceError): string => `Line ${e.line}, column ${e.column}: ${e.message}`;
