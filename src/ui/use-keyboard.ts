import { useEffect } from 'react';
import type { AppStore } from '../state/store.ts';
import { viewRef } from './CircuitPanel.tsx';
import { openForStep } from './tensor-dialog.ts';
import { isTextEntry } from './text-focus.ts';

const PAN = 60;

const OWN_ARROW_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/** Controls that Space presses natively: it still does, when they were reached with Tab (see useKeyboard). */
const PRESSABLE = 'button, summary, select, input[type="checkbox"], input[type="radio"]';

/** The action of an app key, or undefined when the key is not one of ours (then it keeps its usual meaning). */
function actionFor(e: KeyboardEvent, store: AppStore): (() => void) | undefined {
  const { goTo, setPlaying, playing, deck, advance, retreat, goToSlide, present, setPresent, blank, setBlank, presenterWindow, nextOrReveal } = store.getState();
  const view = viewRef.current;
  if ((present || presenterWindow) && (e.key === 'b' || e.key === 'B' || e.key === '.')) return () => setBlank(!blank);
  // A blanked screen comes back with any of our keys, before the key does anything else.
  if (blank && e.key !== 'Escape') return () => setBlank(false);
  if (e.shiftKey && e.key.startsWith('Arrow')) {
    const [dx, dy] = { ArrowRight: [-PAN, 0], ArrowLeft: [PAN, 0], ArrowUp: [0, PAN], ArrowDown: [0, -PAN] }[e.key] ?? [0, 0];
    return () => view?.panBy(dx as number, dy as number);
  }
  // With a deck open, the clicker walks through each slide's stops and on to the next slide.
  // With the quiz on, a `?` is revealed by the press before the one that steps on.
  const next = () => nextOrReveal(deck ? advance : undefined);
  const prev = deck ? retreat : () => goTo('prev');
  switch (e.key) {
    case 'ArrowRight': case 'PageDown': return next;
    case 'ArrowLeft': case 'PageUp': return prev;
    case ' ': return e.shiftKey ? prev : next;
    case 'Home': return () => goTo('start');
    case 'End': return () => goTo('end');
    case 'n': case 'N': return deck ? () => goToSlide('next') : undefined;
    case 'p': case 'P': return deck ? () => goToSlide('prev') : () => setPlaying(!playing);
    case 'k': return () => setPlaying(!playing);
    case 'f': case 'F5': return presenterWindow ? undefined : () => setPresent(!present);
    case 'Escape': return present ? () => setPresent(false) : undefined;
    case '+': case '=': return () => view?.zoomBy(1.25);
    case '-': return () => view?.zoomBy(0.8);
    case '0': return () => view?.fit(true, 'whole');
    case 'i': return () => openForStep(store, 'inspector');
    case 'j': return () => openForStep(store, 'lens');
    default: return undefined;
  }
}

/**
 * Clicker keys step whatever has focus, except in a text field, where they edit text and `Esc` leaves the field.
 * They are caught at the window before any control sees them, so a select that was just chosen from, a slider, the
 * speed list or a checkbox cannot also act on them (→ on a focused select would load the next example).
 * ↑/↓ keep their meaning, so a select or a slider can still be changed from the keyboard, and Enter presses buttons.
 * Space presses a button, ticks a box or opens a list that was reached with Tab, as everywhere; after a click it
 * steps, so a presenter who clicked a zoom button can go on stepping. Dialogs keep every key they get.
 */
export function useKeyboard(store: AppStore): void {
  useEffect(() => {
    // True after a pointer press until the next Tab: the focused control was clicked, not reached from the keyboard.
    let clicked = false;
    const onPointerDown = () => (clicked = true);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') clicked = false;
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('dialog') || document.querySelector('dialog[open]')) return;
      // A control that moves along its own range with these keys (the loss chart's scrubber) keeps them.
      if (target?.closest('[data-own-arrows]') && OWN_ARROW_KEYS.has(e.key)) return;
      // A focused gate of the circuit moves among the gates with the arrows (unshifted: Shift+arrows still pan).
      if (!e.shiftKey && target?.closest('[data-own-keys]')?.getAttribute('data-own-keys')?.split(' ').includes(e.key)) return;
      if (isTextEntry(target)) {
        if (e.key === 'Escape') target.blur();
        return;
      }
      if (e.key === ' ' && !clicked && target?.matches(PRESSABLE)) return;
      const action = actionFor(e, store);
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [store]);
}
