import { useEffect } from 'react';
import { useStore } from 'zustand';
import { pendingQuestion } from '../state/quiz-selectors.ts';
import type { AppStore } from '../state/store.ts';

/**
 * While playing, advances one step per tick at the chosen speed; stops at the end. With the quiz on it pauses at
 * each `?` for the student to answer; Play pressed on a `?` reveals it first, as Next does.
 */
export function usePlayback(store: AppStore): void {
  const playing = useStore(store, (s) => s.playing);
  const speed = useStore(store, (s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    if (pendingQuestion(store.getState())) store.getState().revealAnswer();
    const timer = setInterval(() => {
      store.getState().goTo('next');
      if (pendingQuestion(store.getState())) store.getState().setPlaying(false);
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [store, playing, speed]);
}
