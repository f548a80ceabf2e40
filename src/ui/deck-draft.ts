import { parseDeck, type Deck, type Slide, type SlideView } from '../core/index.ts';

/** A slide as the editor holds it: every field as typed, stops as text, so nothing is lost while it is invalid. */
export interface SlideDraft {
  /** Stable while slides move, for React and for finding the slide that was on screen. */
  readonly key: number;
  readonly title: string;
  readonly source: string;
  readonly notice: string;
  readonly notes: string;
  readonly stops: string;
  readonly view: Required<SlideView>;
}

export interface DeckDraft {
  readonly title: string;
  readonly slides: readonly SlideDraft[];
}

export const NO_VIEW: Required<SlideView> = { expand: false, scalars: false, check: false, code: false, train: false };

let nextKey = 1;
const key = () => nextKey++;

export function slideDraft(slide: Partial<Slide> & { source: string }): SlideDraft {
  return {
    key: key(), title: slide.title ?? '', source: slide.source, notice: slide.notice ?? '', notes: slide.notes ?? '',
    stops: (slide.stops ?? []).join(', '), view: { ...NO_VIEW, ...slide.view },
  };
}

export const draftOf = (deck: Deck): DeckDraft => ({ title: deck.title, slides: deck.slides.map(slideDraft) });

/** A title for a new slide: the formula's first comment, as the examples start with one. */
export function titleFor(source: string): string {
  const comment = /^\s*#\s*(.+)$/m.exec(source);
  return comment && source.trimStart().startsWith('#') ? (comment[1] as string).trim().slice(0, 80) : 'New slide';
}

export type StopsResult = { ok: true; stops: number[] } | { ok: false; error: string };

/** "0, 4, 7" → [0, 4, 7]; empty means every step. `last` is the slide's last step, when its formula compiles. */
export function parseStops(text: string, last?: number): StopsResult {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const stops: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,6}$/.test(part)) return { ok: false, error: `“${part.slice(0, 12)}” is not a step number: write whole numbers from 0, separated by commas` };
    const n = Number(part);
    if (last !== undefined && n > last) return { ok: false, error: `step ${n} is past this circuit’s last step, ${last}` };
    if (!stops.includes(n)) stops.push(n);
  }
  return { ok: true, stops: stops.sort((a, b) => a - b) };
}

export type DraftResult = { ok: true; deck: Deck } | { ok: false; slide: number; error: string };

/** The deck a draft stands for, checked as a deck from a file or a link is, or the first slide that is not ready. */
export function deckFromDraft(draft: DeckDraft, lastStepOf: (slide: SlideDraft) => number | undefined): DraftResult {
  const slides: Slide[] = [];
  for (let i = 0; i < draft.slides.length; i++) {
    const s = draft.slides[i] as SlideDraft;
    const stops = parseStops(s.stops, lastStepOf(s));
    if (!stops.ok) return { ok: false, slide: i, error: `Slide ${i + 1}, stops: ${stops.error}.` };
    const view = Object.fromEntries(Object.entries(s.view).filter(([, on]) => on));
    slides.push({
      title: s.title.trim(), source: s.source,
      ...(s.notice.trim() ? { notice: s.notice.trim() } : {}),
      ...(s.notes.trim() ? { notes: s.notes.trim() } : {}),
      ...(stops.stops.length ? { stops: stops.stops } : {}),
      ...(Object.keys(view).length ? { view } : {}),
    });
  }
  const parsed = parseDeck({ title: draft.title.trim() || 'Untitled deck', slides });
  return parsed.ok ? parsed : { ok: false, slide: Number(/^slide (\d+)/.exec(parsed.error)?.[1] ?? 1) - 1, error: `${parsed.error[0]?.toUpperCase()}${parsed.error.slice(1)}.` };
}

type Slides = readonly SlideDraft[];

export function moveSlide(slides: Slides, i: number, by: -1 | 1): SlideDraft[] {
  const j = i + by;
  const out = [...slides];
  if (j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j] as SlideDraft, out[i] as SlideDraft];
  return out;
}

export const insertSlide = (slides: Slides, at: number, slide: SlideDraft): SlideDraft[] => [...slides.slice(0, at), slide, ...slides.slice(at)];

export const duplicateSlide = (slides: Slides, i: number): SlideDraft[] =>
  slides[i] ? insertSlide(slides, i + 1, { ...(slides[i] as SlideDraft), key: key() }) : [...slides];

/** A deck keeps at least one slide. */
export const removeSlide = (slides: Slides, i: number): SlideDraft[] => (slides.length > 1 ? slides.filter((_, k) => k !== i) : [...slides]);

export const updateSlide = (slides: Slides, i: number, change: Partial<Omit<SlideDraft, 'key'>>): SlideDraft[] =>
  slides.map((s, k) => (k === i ? { ...s, ...change } : s));
