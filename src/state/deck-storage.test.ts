import { describe, expect, it } from 'vitest';
import { LECTURE_DECK, type Deck } from '../core/index.ts';
import { DECKS_KEY, forgetDeck, loadDecks, NOT_REMEMBERED, rememberDeck, rememberedIdOf, type DeckStore } from './deck-storage.ts';

/** A Storage with a quota, as browsers have one: setItem throws once the text is too long. */
function mapStore(quota = Infinity): DeckStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      map.set(key, value);
    },
  };
}

/** What a sandboxed iframe gives: every access throws SecurityError. */
const throwing: DeckStore = {
  getItem: () => { throw new DOMException('The document is sandboxed.', 'SecurityError'); },
  setItem: () => { throw new DOMException('The document is sandboxed.', 'SecurityError'); },
};

const deck = (title: string): Deck => ({ title, slides: [{ title: 'one', source: 'x = 2; f = x * x', stops: [0, 2] }] });

describe('remembered decks', () => {
  it('remembers, lists newest first, updates an entry in place and forgets', () => {
    const store = mapStore();
    expect(loadDecks(store)).toEqual({ ok: true, decks: [] });
    const a = deck('A');
    const first = rememberDeck(store, a, undefined, 1000);
    const id = rememberedIdOf(a);
    expect(first.ok && first.decks.map((d) => [d.deck.title, d.savedAt])).toEqual([['A', 1000]]);
    rememberDeck(store, deck('B'), undefined, 2000);
    // The same deck again, as from a file imported twice: one entry.
    rememberDeck(store, deck('B'), undefined, 2500);
    // An edited copy of A, saved over the entry A was opened from.
    rememberDeck(store, { ...a, title: 'A, edited' }, id, 3000);
    const loaded = loadDecks(store);
    expect(loaded.ok && loaded.decks.map((d) => [d.deck.title, d.savedAt])).toEqual([['A, edited', 3000], ['B', 2500]]);
    if (!loaded.ok) return;
    expect(rememberedIdOf(loaded.decks[0]!.deck)).toBe(id);
    expect(loaded.decks[0]!.deck).toEqual({ ...a, title: 'A, edited' });
    const left = forgetDeck(store, id!);
    expect(left.ok && left.decks.map((d) => d.deck.title)).toEqual(['B']);
    expect(JSON.parse(store.map.get(DECKS_KEY)!)).toHaveLength(1);
  });

  it('keeps the lecture deck itself untouched: it is stored as data and read back as fresh objects', () => {
    const store = mapStore();
    rememberDeck(store, LECTURE_DECK);
    const loaded = loadDecks(store);
    expect(loaded.ok && loaded.decks[0]!.deck).toEqual(LECTURE_DECK);
    expect(loaded.ok && loaded.decks[0]!.deck).not.toBe(LECTURE_DECK);
  });

  it('skips entries that are not decks, and reads junk as no decks', () => {
    const store = mapStore();
    store.setItem(DECKS_KEY, JSON.stringify([{ id: 'x', savedAt: 1, deck: { slides: [] } }, null, 7, { id: 'y', savedAt: 2, deck: deck('ok') }]));
    const loaded = loadDecks(store);
    expect(loaded.ok && loaded.decks.map((d) => d.id)).toEqual(['y']);
    store.setItem(DECKS_KEY, '{not json');
    expect(loadDecks(store)).toEqual({ ok: true, decks: [] });
  });

  it('says "not remembered in this browser" when storage throws, is full or is missing, and never throws itself', () => {
    for (const store of [throwing, mapStore(10), null]) {
      expect(rememberDeck(store, deck('A'))).toEqual({ ok: false, reason: NOT_REMEMBERED });
    }
    expect(loadDecks(throwing)).toEqual({ ok: false, reason: NOT_REMEMBERED });
    expect(loadDecks(null)).toEqual({ ok: false, reason: NOT_REMEMBERED });
    expect(forgetDeck(throwing, 'x')).toEqual({ ok: false, reason: NOT_REMEMBERED });
    expect(NOT_REMEMBERED).toMatch(/not remembered in this browser/i);
  });
});
