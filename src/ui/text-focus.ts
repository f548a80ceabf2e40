import { useSyncExternalStore } from 'react';

/** Input types where keys edit text: arrows move the caret, Space types a space. */
const TEXT_INPUT_TYPES = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** A field where the keys type text, so clicker keys must not step there (the editor, a number field). */
export function isTextEntry(el: EventTarget | null): el is HTMLElement {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type);
}

/** Where the keys type now: the formula editor, another text field, or nowhere (they step). */
export type TextFocus = 'editor' | 'field' | null;

export const EDITOR_ID = 'formula';

function snapshot(): TextFocus {
  const el = document.activeElement;
  if (!isTextEntry(el)) return null;
  return el.id === EDITOR_ID ? 'editor' : 'field';
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener('focusin', onChange);
  document.addEventListener('focusout', onChange);
  return () => {
    document.removeEventListener('focusin', onChange);
    document.removeEventListener('focusout', onChange);
  };
}

/** Follows focus so a hint can say how to get back to stepping while the keys type. */
export function useTextFocus(): TextFocus {
  return useSyncExternalStore(subscribe, snapshot, () => null);
}
