import { LineMap, normalizeLineBreaks } from '../position.ts';
import { findHidden, hiddenMessage } from '../unicode/hidden.ts';

/**
 * A deck: circuits in order, each with a title, what to notice, speaker notes and the steps to stop at. Plain data,
 * so it travels in a link, a JSON file or local storage, and is checked on the way in like any other user input.
 */
export interface Slide {
  readonly title: string;
  readonly source: string;
  /** One or two sentences shown with the slide: what to notice. */
  readonly notice?: string;
  /** For the presenter only. */
  readonly notes?: string;
  /** The steps a clicker stops at, ascending; every step when absent. */
  readonly stops?: readonly number[];
  /** How the circuit is shown: σ and softmax expanded, tensors as scalars, the gradient check or the gate's code open. */
  readonly view?: SlideView;
}

export interface SlideView {
  readonly expand?: boolean;
  readonly scalars?: boolean;
  readonly check?: boolean;
  readonly code?: boolean;
  /** The Train panel open (gradient descent on the slide's circuit). */
  readonly train?: boolean;
}

export interface Deck {
  readonly title: string;
  readonly slides: readonly Slide[];
}

export const MAX_SLIDES = 200;
export const MAX_TEXT = 4000;
const VIEW_KEYS = ['expand', 'scalars', 'check', 'code', 'train'] as const;
const MAX_STOPS = 10_000;

export type DeckResult = { ok: true; deck: Deck } | { ok: false; error: string };

/** Where a deck's shown text holds a character that would reorder or hide it, as a message; undefined when clean. */
function hiddenIn(key: string, text: string): string | undefined {
  const hidden = findHidden(text, true);
  if (!hidden) return undefined;
  const at = new LineMap(text).span(hidden.index, hidden.length);
  return `"${key}" at line ${at.line}, column ${at.column}: ${hiddenMessage(hidden, "in a deck's titles and notes")}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);

/** Checks anything (parsed JSON, a decoded link) and returns a deck made of fresh objects, or what is wrong and where. */
export function parseDeck(input: unknown): DeckResult {
  if (!isRecord(input)) return { ok: false, error: 'expected a deck: an object with "title" and "slides"' };
  const title = own(input, 'title') ?? 'Untitled deck';
  if (typeof title !== 'string' || title.length > MAX_TEXT) return { ok: false, error: `expected "title" to be text of at most ${MAX_TEXT} characters` };
  const hiddenTitle = hiddenIn('title', title);
  if (hiddenTitle) return { ok: false, error: `the deck's ${hiddenTitle}` };
  const slides = own(input, 'slides');
  if (!Array.isArray(slides) || slides.length === 0 || slides.length > MAX_SLIDES) {
    return { ok: false, error: `expected "slides" to be a list of 1 to ${MAX_SLIDES} slides` };
  }
  const parsed: Slide[] = [];
  for (let i = 0; i < slides.length; i++) {
    const slide = parseSlide(slides[i]);
    if (typeof slide === 'string') return { ok: false, error: `slide ${i + 1}: ${slide}` };
    parsed.push(slide);
  }
  return { ok: true, deck: { title, slides: parsed } };
}

function parseSlide(input: unknown): Slide | string {
  if (!isRecord(input)) return 'expected an object with "title" and "source"';
  const text = (key: string, required: boolean, max = MAX_TEXT): string | undefined | Error => {
    const v = own(input, key);
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.length > max) return new Error(`expected "${key}" to be text of at most ${max.toLocaleString('en-US')} characters`);
    const hidden = key === 'source' ? undefined : hiddenIn(key, v);
    return hidden ? new Error(hidden) : v;
  };
  const title = text('title', false) ?? '';
  const source = text('source', true, 2_000_000);
  const notice = text('notice', false);
  const notes = text('notes', false);
  for (const v of [title, source, notice, notes]) if (v instanceof Error) return v.message;
  const stops = own(input, 'stops');
  if (stops !== undefined && !(Array.isArray(stops) && stops.length <= MAX_STOPS && stops.every((s) => Number.isInteger(s) && s >= 0))) {
    return 'expected "stops" to be a list of step numbers (whole numbers from 0)';
  }
  const view = own(input, 'view');
  if (view !== undefined && !(isRecord(view) && Object.keys(view).every((k) => (VIEW_KEYS as readonly string[]).includes(k) && typeof view[k] === 'boolean'))) {
    return `expected "view" to hold only ${VIEW_KEYS.join(', ')} as true or false`;
  }
  return {
    title: title as string,
    source: normalizeLineBreaks(source as string),
    ...(notice !== undefined ? { notice: notice as string } : {}),
    ...(notes !== undefined ? { notes: notes as string } : {}),
    ...(stops !== undefined ? { stops: [...new Set(stops as number[])].sort((a, b) => a - b) } : {}),
    ...(view !== undefined ? { view: Object.fromEntries(VIEW_KEYS.filter((k) => k in view).map((k) => [k, view[k] as boolean])) as SlideView } : {}),
  };
}
