import { useEffect } from 'react';
import type { AppStore } from '../state/store.ts';
import { viewRef } from './CircuitPanel.tsx';
import { openForStep } from './tensor-dialog.ts';

const PAN = 60;

/** Clicker keys step; they are ignored while the user types in a field. */
export function useKeyboard(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('textarea, input, select, [contenteditable="true"]') || e.ctrlKey || e.metaKey || e.altKey) return;
      const { goTo, setPlaying, playing } = store.getState();
      const view = viewRef.current;
      const actions = new Map<string, () => void>(Object.entries({
        ArrowRight: () => (e.shiftKey ? view?.panBy(-PAN, 0) : goTo('next')),
        ArrowLeft: () => (e.shiftKey ? view?.panBy(PAN, 0) : goTo('prev')),
        ArrowUp: () => e.shiftKey && view?.panBy(0, PAN),
        ArrowDown: () => e.shiftKey && view?.panBy(0, -PAN),
        PageDown: () => goTo('next'),
        PageUp: () => goTo('prev'),
        ' ': () => (e.shiftKey ? goTo('prev') : goTo('next')),
        Home: () => goTo('start'),
        End: () => goTo('end'),
        p: () => setPlaying(!playing),
        '+': () => view?.zoomBy(1.25),
        '=': () => view?.zoomBy(1.25),
        '-': () => view?.zoomBy(0.8),
        '0': () => view?.fit(true, 'whole'),
        i: () => openForStep(store, 'inspector'),
        j: () => openForStep(store, 'lens'),
      }));
      const action = actions.get(e.key);
      if (!action || (target?.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter'))) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
