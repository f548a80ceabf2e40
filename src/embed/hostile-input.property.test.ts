import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initAppStore, type AppState } from '../state/store.ts';
import { startBridge } from './bridge.ts';
import { framed } from './fixtures/framed-window.ts';
import { parseMessage, PREFIX } from './messages.ts';
import { parseUrlState, searchFor, THEMES } from './url-state.ts';

const LECTURE_1 = 'x = -2; y = 5; z = -4; f = (x + y) * z';
// eslint-disable-next-line no-control-regex -- these are the characters looked for
const RAW_HIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\p{Cs}\uFE00-\uFE0F]/u;
const TYPES = ['circuit:load', 'circuit:step', 'circuit:set', 'circuit:get', 'circuit:quiz', 'circuit:nope', 'circuit:', 'other'];
const KEYS = ['type', 'id', 'source', 'step', 'to', 'name', 'value', 'on', '__proto__', 'constructor', 'toString'];

/** Anything a page can post, and objects that look like requests with fields of any kind. */
const payload = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true }),
  fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.anything(), fc.string({ unit: 'binary' }), fc.integer(), fc.constantFrom('start', 'end', 'next', 'prev', 'x', 'f = (x +', 'x = 1\u202E; f = x')), { maxKeys: 5 })
    .chain((fields) => fc.constantFrom(...TYPES).map((type) => ({ ...fields, type }))),
);

/** The parts of the state a request could change. */
const snapshot = (s: AppState) => ({ source: s.source, model: s.model, error: s.error, step: s.step, quiz: s.quiz, playing: s.playing, theme: s.theme, deck: s.deck, pending: s.pending });

describe('random postMessage payloads through the real bridge', () => {
  it('get exactly one reply or none, change nothing when invalid, and put no raw control characters in a message', () => {
    const store = initAppStore({ source: LECTURE_1, step: 2 });
    const app = framed();
    startBridge(store, app.win);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;
    fc.assert(fc.property(payload, (data) => {
      const before = snapshot(store.getState());
      const sent = app.posted.length;
      expect(() => app.hostSays(data)).not.toThrow();
      const replies = app.posted.slice(sent).filter((p) => p.message.type === 'circuit:state' || p.message.type === 'circuit:error');
      const parsed = parseMessage(data);
      const isOurs = typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string' && (data as { type: string }).type.startsWith(PREFIX);
      expect(replies.length).toBe(parsed.kind === 'ignore' ? 0 : 1);
      if (isOurs) expect(parsed.kind).not.toBe('ignore');
      const reply = replies[0]?.message;
      if (parsed.kind === 'invalid' || (reply?.type === 'circuit:error' && parsed.kind === 'request' && parsed.request.type !== 'circuit:load')) {
        expect(snapshot(store.getState())).toEqual(before);
        for (const [key, value] of Object.entries(before)) expect(Object.is((store.getState() as unknown as Record<string, unknown>)[key], value)).toBe(true);
      }
      if (reply?.type === 'circuit:error') expect(reply.message).not.toMatch(RAW_HIDDEN);
      expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(prototypeKeys);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    }), { seed: 201, numRuns: 3000 });
  }, 120_000);
});

const PARAMS = ['f', 'fz', 'step', 'theme', 'expand', 'scalars', 'check', 'quiz', 'embed', 'editor', 'inputs', 'explain', 'legend', 'zoom', 'readonly', 'origin', 'deck', 'dz', 'slide', 'present', 'presenter', 'typeset', '__proto__[x]', 'constructor[prototype][x]', '__proto__', 'toString'];
const query = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.tuple(fc.constantFrom(...PARAMS), fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('1', '0', 'end', 'lecture', 'dark', '-1', '1e3', ['javascript', 'alert(1)'].join(':'), '%E2%80%AE', '%00', 'x%3D1%0Df%3Dx'))), { maxLength: 8 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
);

describe('random URL query strings through the link parser', () => {
  it('never throw, keep every field to its documented values, open an app, and touch no prototype', () => {
    fc.assert(fc.property(query, (search) => {
      const url = parseUrlState(search);
      expect(url.step === null || url.step === 'end' || (Number.isInteger(url.step) && url.step >= 0)).toBe(true);
      expect(url.theme === null || THEMES.includes(url.theme)).toBe(true);
      for (const flag of [url.expand, url.scalars, url.check, url.quiz]) expect([null, true, false]).toContain(flag);
      expect(url.slide === null || (Number.isInteger(url.slide) && url.slide >= 1)).toBe(true);
      const store = initAppStore({ source: url.source ?? LECTURE_1, step: url.step ?? 0, theme: url.theme ?? 'light' });
      if (url.deck) store.getState().openDeck(url.deck.deck, { name: url.deck.name, slide: (url.slide ?? 1) - 1, step: 'first' });
      const { error } = store.getState();
      if (error) expect(error.message).not.toMatch(RAW_HIDDEN);
      expect(() => searchFor(store.getState(), { embed: url.embed })).not.toThrow();
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('x');
    }), { seed: 202, numRuns: 2000 });
  }, 120_000);
});
