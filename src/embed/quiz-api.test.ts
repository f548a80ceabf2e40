import { describe, expect, it } from 'vitest';
import { initAppStore } from '../state/store.ts';
import { startBridge } from './bridge.ts';
import { framed } from './fixtures/framed-window.ts';
import { parseMessage } from './messages.ts';
import { parseUrlState, searchFor } from './url-state.ts';

const LECTURE_1 = 'x = -2; y = 5; z = -4; f = (x + y) * z';
const HOST = 'https://course.example.edu';

describe('the quiz in the embed API', () => {
  it('circuit:quiz turns the quiz on and off; anything but a boolean is refused', () => {
    expect(parseMessage({ type: 'circuit:quiz', id: 1, on: true })).toEqual({ kind: 'request', request: { type: 'circuit:quiz', id: 1, on: true } });
    for (const on of [1, 'true', null, undefined, {}]) {
      expect(parseMessage({ type: 'circuit:quiz', on })).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/expected on to be true or false/) });
    }
    expect(parseMessage({ type: 'circuit:quiz', on: true, reveal: 1 })).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/unexpected field "reveal"/) });
    expect(parseMessage({ type: 'circuit:nope' })).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/circuit:quiz/) });
  });

  it('sends circuit:answer for every guess and reveal, with the wire, kind, guess, answer, verdict, step and score', () => {
    const store = initAppStore({ source: LECTURE_1, embed: false });
    const app = framed();
    const stop = startBridge(store, app.win, { origin: HOST });
    app.hostSays({ type: 'circuit:quiz', id: 'q', on: true });
    expect(store.getState().quiz).toBe(true);
    expect(app.of('circuit:state').at(-1)).toMatchObject({ target: HOST, message: { id: 'q' } });

    store.getState().goTo(1);
    store.getState().submitGuess('4');
    store.getState().goTo(2);
    store.getState().submitGuess('-12');
    store.getState().goTo(3);
    expect(store.getState().submitGuess('what')).toMatchObject({ ok: false });
    expect(app.of('circuit:answer').map((p) => p.target)).toEqual([HOST, HOST]);
    expect(app.of('circuit:answer').map((p) => p.message)).toEqual([
      { type: 'circuit:answer', wire: 'f₁', kind: 'value', guess: '4', answer: 3, verdict: 'wrong', step: 1, score: { right: 0, answered: 1 } },
      { type: 'circuit:answer', wire: 'f', kind: 'value', guess: '-12', answer: -12, verdict: 'right', step: 2, score: { right: 1, answered: 2 } },
    ]);
    store.getState().nextOrReveal();
    expect(app.of('circuit:answer').at(-1)?.message).toEqual({ type: 'circuit:answer', wire: 'f', kind: 'grad', guess: null, answer: 1, verdict: 'revealed', step: 3, score: { right: 1, answered: 2 } });
    stop();
  });

  it('says nothing to a host that has not spoken when the origin is not pinned', () => {
    const store = initAppStore({ source: LECTURE_1, quiz: true, step: 1 });
    const app = framed();
    startBridge(store, app.win);
    store.getState().submitGuess('3');
    expect(app.of('circuit:answer')).toEqual([]);
    app.hostSays({ type: 'circuit:get' }, 'https://other.example');
    store.getState().goTo(2);
    store.getState().submitGuess('1');
    expect(app.of('circuit:answer').map((p) => [p.target, p.message.verdict])).toEqual([['https://other.example', 'wrong']]);
  });

  it('a link carries quiz=1 into the full app and embeds, and leaves it out when off', () => {
    expect(parseUrlState('?quiz=1').quiz).toBe(true);
    expect(parseUrlState('?quiz=0').quiz).toBe(false);
    expect(parseUrlState('?quiz=maybe').quiz).toBeNull();
    const store = initAppStore({ source: LECTURE_1, quiz: true });
    expect(parseUrlState(searchFor(store.getState(), { embed: true })).quiz).toBe(true);
    expect(parseUrlState(searchFor(store.getState(), { embed: false })).quiz).toBe(true);
    store.getState().setQuiz(false);
    expect(searchFor(store.getState(), { embed: true })).not.toMatch(/quiz/);
  });
});
