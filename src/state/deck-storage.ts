import { parseDeck, type Deck } from '../core/index.ts';

/** The part of the Web Storage API the decks use, so tests can pass a Map-backed one or one that throws. */
export type DeckStore = Pick<Storage, 'getItem' | 'setItem'>;

export interface RememberedDeck {
  readonly id: string;
  /** When it was last saved, in milliseconds since 1970. */
  readonly savedAt: number;
  readonly deck: Deck;
}

export type Remembered = { ok: true; decks: readonly RememberedDeck[] } | { ok: false; reason: string };

export const DECKS_KEY = 'backprop.decks.v1';
/** What the editor says when storage is off, full or refused (a sandboxed iframe throws SecurityError on access). */
export const NOT_REMEMBERED = 'Not remembered in this browser: its storage is off or full here. Export the deck as a file to keep it.';
const MAX_DECKS = 50;

/** Which remembered entry a deck object was opened from or saved as, so saving it again updates that entry. */
const ids = new WeakMap<Deck, string>();
export const rememberedIdOf = (deck: Deck | null): string | undefined => (deck ? ids.get(deck) : undefined);

/** The browser's local storage, or null where even asking for it throws. */
export function browserDeckStore(): DeckStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(store: DeckStore): RememberedDeck[] {
  const raw = store.getItem(DECKS_KEY);
  if (raw === null) return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const decks: RememberedDeck[] = [];
  // Each entry is checked like any deck from outside: storage is shared with whatever else ran on this origin.
  for (const entry of list as unknown[]) {
    const { id, savedAt, deck } = (entry ?? {}) as Record<string, unknown>;
    const parsed = parseDeck(deck);
    if (typeof id !== 'string' || typeof savedAt !== 'number' || !parsed.ok) continue;
    ids.set(parsed.deck, id);
    decks.push({ id, savedAt, deck: parsed.deck });
  }
  return decks;
}

function attempt(store: DeckStore | null, change: (decks: RememberedDeck[]) => RememberedDeck[]): Remembered {
  if (!store) return { ok: false, reason: NOT_REMEMBERED };
  try {
    const decks = read(store);
    const changed = change(decks);
    if (changed !== decks) store.setItem(DECKS_KEY, JSON.stringify(changed));
    return { ok: true, decks: changed };
  } catch {
    return { ok: false, reason: NOT_REMEMBERED };
  }
}

/** The remembered decks, newest first. */
export const loadDecks = (store: DeckStore | null): Remembered => attempt(store, (decks) => decks);

const newId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

/**
 * Remembers a deck: over the entry it was opened from, over an entry with the same content (a file imported twice), or
 * as a new one. Keeps the newest MAX_DECKS.
 */
export function rememberDeck(store: DeckStore | null, deck: Deck, id = rememberedIdOf(deck), now = Date.now()): Remembered {
  let chosen = id;
  const result = attempt(store, (decks) => {
    const json = JSON.stringify(deck);
    chosen ??= decks.find((d) => JSON.stringify(d.deck) === json)?.id ?? newId();
    return [{ id: chosen, savedAt: now, deck }, ...decks.filter((d) => d.id !== chosen)].slice(0, MAX_DECKS);
  });
  if (result.ok && chosen !== undefined) ids.set(deck, chosen);
  return result;
}

export const forgetDeck = (store: DeckStore | null, id: string): Remembered =>
  attempt(store, (decks) => decks.filter((d) => d.id !== id));
