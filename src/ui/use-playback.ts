import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../state/store.ts';

/** While playing, advances one step per tick at the chosen speed; stops at the end. */
export function usePlayback(store: AppStore): void {
  const playing = useStore(store, (s) => s.playing);
  const speed = useStore(store, (s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => store.getState().goTo('next'), 1000 / speed);
    return () => clearInterval(timer);
  }, [store, playing, speed]);
}
