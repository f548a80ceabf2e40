import { builtInDeck, MAX_SOURCE_LENGTH, parseDeck, type Deck } from '../core/index.ts';
import { currentSource, type AppState, type Display, type Panels, type Theme } from '../state/store.ts';
import type { EmbedView } from '../ui/App.tsx';
import { packText, packTextSoon, unpackText } from './packed-text.ts';

/**
 * What a link carries. Parsing never throws and never trusts a parameter: a value that is not one of the documented
 * spellings is dropped (it becomes `null`), so a hand-edited or hostile link still opens a working app.
 */
export interface UrlState {
  /** `f`: the formula source, exactly as typed; `null` when absent (the lecture's first example loads). */
  readonly source: string | null;
  /** `step`: a step number, or `end`. */
  readonly step: number | 'end' | null;
  readonly theme: Theme | null;
  /** `expand`: σ gates shown expanded into *-1, exp, +1, 1/x. */
  readonly expand: boolean | null;
  /** `scalars`: a tensor circuit shown as the scalar circuit it stands for. */
  readonly scalars: boolean | null;
  /** `check`: the gradient check panel open (full app). */
  readonly check: boolean | null;
  /** `embed=1`: only the circuit and the step controls, for an iframe. */
  readonly embed: boolean;
  /** `editor`, `inputs`, `explain`: extra panels shown in embed mode. */
  readonly panels: Panels;
  /** `origin`: the host origin the postMessage API is pinned to, as written (see `pinnedOrigin`). */
  readonly origin: string | null;
  /** `legend=0`, `zoom=0`, `readonly=1`: how an embed draws the circuit and its inputs (ignored by the full app). */
  readonly view: EmbedView;
  /** `typeset=1`: explanations typeset as maths with KaTeX (loaded only then) rather than as text. */
  readonly typeset: boolean;
  /** `deck=lecture` (a built-in deck) or `dz=` (a deck packed into the link), with its name for built-ins. */
  readonly deck: { deck: Deck; name: string | null } | null;
  /** `slide=3`: the third slide (links count from 1, as people do). */
  readonly slide: number | null;
  /** `present=1`: the presentation view. */
  readonly present: boolean;
  /** `presenter=<channel>`: this window is the presenter's, driving the audience window on that channel. */
  readonly presenter: string | null;
  /** `quiz=1`: predict and reveal, in the full app and in embeds. */
  readonly quiz: boolean | null;
  /** `view=table` or `view=circuit`: how the circuit is shown; in an embed, either also offers the switch between them. */
  readonly display: Display | null;
}

export const THEMES: readonly Theme[] = ['light', 'dark', 'projector'];
/** An embed shows the legend and the zoom buttons, and lets the reader change the inputs, unless its link says not to. */
export const DEFAULT_EMBED_VIEW: EmbedView = { legend: true, zoom: true, readOnly: false };
const DISPLAYS: readonly Display[] = ['circuit', 'table'];
const MAX_STEP_DIGITS = 9;

function flag(params: URLSearchParams, key: string): boolean | null {
  const v = params.get(key);
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return null;
}

/** A packed deck is JSON; its size is bounded like a formula's. */
const MAX_DECK_JSON = MAX_SOURCE_LENGTH;
const CHANNEL = /^[A-Za-z0-9-]{1,64}$/;

function deckOf(params: URLSearchParams): UrlState['deck'] {
  const name = params.get('deck');
  if (name !== null) {
    const deck = builtInDeck(name);
    return deck ? { deck, name } : null;
  }
  const packed = params.get('dz');
  const json = packed === null ? null : unpackText(packed, MAX_DECK_JSON);
  if (json === null) return null;
  try {
    const parsed = parseDeck(JSON.parse(json));
    return parsed.ok ? { deck: parsed.deck, name: null } : null;
  } catch {
    return null;
  }
}

export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const step = params.get('step');
  const theme = params.get('theme');
  const packed = params.get('fz');
  const slide = params.get('slide');
  const presenter = params.get('presenter');
  const display = DISPLAYS.find((d) => d === params.get('view')) ?? null;
  return {
    source: packed !== null ? unpackText(packed, MAX_SOURCE_LENGTH) ?? params.get('f') : params.get('f'),
    step: step === 'end' ? 'end' : step !== null && new RegExp(`^\\d{1,${MAX_STEP_DIGITS}}$`).test(step) ? Number(step) : null,
    theme: THEMES.find((t) => t === theme) ?? null,
    expand: flag(params, 'expand'),
    scalars: flag(params, 'scalars'),
    check: flag(params, 'check'),
    embed: flag(params, 'embed') === true,
    panels: { editor: flag(params, 'editor') === true, inputs: flag(params, 'inputs') === true, explain: flag(params, 'explain') === true },
    origin: params.get('origin'),
    view: {
      legend: flag(params, 'legend') ?? DEFAULT_EMBED_VIEW.legend,
      zoom: flag(params, 'zoom') ?? DEFAULT_EMBED_VIEW.zoom,
      readOnly: flag(params, 'readonly') ?? DEFAULT_EMBED_VIEW.readOnly,
      ...(display !== null ? { displaySwitch: true } : {}),
    },
    typeset: flag(params, 'typeset') === true,
    deck: deckOf(params),
    slide: slide !== null && /^\d{1,4}$/.test(slide) && Number(slide) >= 1 ? Number(slide) : null,
    present: flag(params, 'present') === true,
    presenter: presenter !== null && CHANNEL.test(presenter) ? presenter : null,
    quiz: flag(params, 'quiz'),
    display,
  };
}

/**
 * An `origin=` parameter as an exact origin to compare `event.origin` with, or `null` when it is not one
 * (a path, another scheme, `null`): the bridge then accepts nothing rather than everything.
 */
export function pinnedOrigin(raw: string): string | null {
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin === 'null') return null;
    return raw === url.origin || raw === `${url.origin}/` ? url.origin : null;
  } catch {
    return null;
  }
}

/** Percent-encodes a value but keeps the characters of a formula that are safe in a query readable. */
function encodeValue(v: string): string {
  return encodeURIComponent(v)
    .replace(/%20/g, '+')
    .replace(/%3D/g, '=')
    .replace(/%3B/g, ';')
    .replace(/%2C/g, ',')
    .replace(/%2F/g, '/')
    .replace(/'/g, '%27');
}

type LinkState = Pick<AppState, 'source' | 'pending' | 'step' | 'model' | 'theme' | 'expandSigmoid' | 'asScalars' | 'showGradCheck' | 'embed' | 'panels' | 'deck' | 'deckName' | 'slide' | 'present' | 'quiz' | 'display'>;

/**
 * A formula's value in a link is at most this many characters. Servers commonly refuse request lines over 8 KB and
 * course platforms cut long link fields; packed, this holds a 5,000-gate generated formula or a few hundred lines typed.
 */
export const MAX_LINK_FORMULA = 8_000;

let lastFormula: { source: string; param: [string, string]; length: number } | null = null;

/** The formula as `f=` (readable) or packed as `fz=`, whichever is shorter, and that value's length in the link. */
function formulaValue(source: string): { param: [string, string]; length: number } {
  // The address bar and the Share menu ask for the same source again and again; a 1,000,000-character one packs in 0.1 s.
  return lastFormula?.source === source ? lastFormula : remember(source, packText(source));
}

/** NOTE: `f=` is never shorter than the source, so a packed text shorter than that wins without encoding the source. */
function remember(source: string, packed: string): NonNullable<typeof lastFormula> {
  const plain = packed.length < source.length ? null : encodeValue(source);
  lastFormula = plain === null || packed.length < plain.length ? { source, param: ['fz', packed], length: packed.length } : { source, param: ['f', source], length: plain.length };
  return lastFormula;
}

/** Above this many characters the address bar's formula is packed a slice per task (packFormulaSoon), not at once. */
export const PACK_SOON_CHARS = 100_000;

/** The link functions below answer at once for this formula: it is short, or packed already. */
export const formulaPacked = (source: string) => source.length < PACK_SOON_CHARS || lastFormula?.source === source;

/**
 * Packs a long formula for a link without a long task, then calls `done`: the link functions below answer at once for
 * it from then on. Returns a cancel.
 */
export function packFormulaSoon(source: string, done: () => void): () => void {
  return packTextSoon(source, (packed) => {
    remember(source, packed);
    done();
  });
}

/** A formula as `f=` or `fz=`, whichever makes the shorter link; both open. */
export function formulaParam(source: string): [string, string] {
  return formulaValue(source).param;
}

/** How long the formula's value would be in a link, when that is over MAX_LINK_FORMULA; null when it fits. */
export function formulaTooLong(source: string): number | null {
  const { length } = formulaValue(source);
  return length > MAX_LINK_FORMULA ? length : null;
}

/** A deck packed once: a link is rebuilt on every step, the deck seldom changes. */
const packedDecks = new WeakMap<Deck, string>();

/** A deck as `deck=<name>` when built in, else packed into `dz=`. */
export function deckParam(deck: Deck, name: string | null): [string, string] {
  if (name !== null && builtInDeck(name) === deck) return ['deck', name];
  let packed = packedDecks.get(deck);
  if (packed === undefined) packedDecks.set(deck, (packed = packText(JSON.stringify(deck))));
  return ['dz', packed];
}

/** The query string (with `?`, or empty) that reopens this view. Defaults are left out to keep links short. */
export function searchFor(state: LinkState, options: { embed: boolean; origin?: string | null; view?: EmbedView }): string {
  // A value still being dragged is in the link already: the link always carries the current values.
  const source = currentSource(state);
  const parts: [string, string][] = [];
  if (state.deck) {
    parts.push(deckParam(state.deck, state.deckName), ['slide', String(state.slide + 1)]);
    // A slide's formula comes with the deck; one edited since is carried too.
    if (source !== state.deck.slides[state.slide]?.source) parts.push(formulaParam(source));
  } else parts.push(formulaParam(source));
  const last = state.model?.schedule.last;
  if (state.model && state.step > 0) parts.push(['step', state.step === last ? 'end' : String(state.step)]);
  if (state.expandSigmoid) parts.push(['expand', '1']);
  if (state.asScalars && state.model?.compiled.tensor) parts.push(['scalars', '1']);
  if (state.theme !== 'light') parts.push(['theme', state.theme]);
  if (state.quiz) parts.push(['quiz', '1']);
  // An embed that offers the switch keeps offering it, whichever view the reader chose.
  if (state.display === 'table' || (options.embed && options.view?.displaySwitch)) parts.push(['view', state.display]);
  if (options.embed) {
    parts.push(['embed', '1']);
    if (state.panels.editor) parts.push(['editor', '1']);
    if (state.panels.inputs) parts.push(['inputs', '1']);
    if (state.panels.explain) parts.push(['explain', '1']);
    const view = options.view ?? DEFAULT_EMBED_VIEW;
    if (!view.legend) parts.push(['legend', '0']);
    if (!view.zoom) parts.push(['zoom', '0']);
    if (view.readOnly) parts.push(['readonly', '1']);
    if (options.origin) parts.push(['origin', options.origin]);
  } else if (state.showGradCheck) parts.push(['check', '1']);
  if (state.present) parts.push(['present', '1']);
  return `?${parts.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&')}`;
}

/** The page's address without query or fragment: links are built on it so they work wherever the app is hosted. */
export function baseOf(href: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  return url.href;
}
