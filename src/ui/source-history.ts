import type { AppStore } from '../state/store.ts';

/** A pause this long ends a burst of typing, so one undo takes back a phrase rather than a single keystroke. */
const TYPING_BURST_MS = 1000;
/** Changes the app makes this close together (every tick of a slider drag rewrites a number) are one step. */
const APP_BURST_MS = 400;
/** Snapshots kept at most, by count and by total length (a 2,500-line formula is ~60,000 characters). */
const MAX_ENTRIES = 200;
const MAX_CHARS = 8_000_000;

/** Who changed the source: the user typing, the user pasting or cutting (always its own step), or the app. */
export type EditKind = 'typing' | 'paste' | 'app';

interface Entry {
  readonly text: string;
  readonly kind: EditKind;
  readonly at: number;
  /** Whether this burst of typing inserts (true) or deletes: switching between them starts a new step. */
  readonly grows: boolean;
}

/**
 * Undo and redo over snapshots of the formula. An editor's own undo cannot be used: it forgets everything when
 * the app sets the text (choosing an example, a value edit rewriting its number, a host loading a formula). Every
 * change to the store's source is recorded here, so each of those is one undoable step like a burst of typing.
 */
export class SourceHistory {
  private readonly entries: Entry[];
  private index = 0;
  private pendingKind: EditKind | null = null;
  private applying = false;
  /** After an undo or redo, the next change starts a step of its own instead of merging into the restored one. */
  private sealed = true;

  constructor(private readonly store: AppStore, private readonly now: () => number = () => Date.now()) {
    this.entries = [{ text: store.getState().source, kind: 'app', at: -Infinity, grows: true }];
    store.subscribe((state, previous) => {
      if (state.source !== previous.source) this.record(state.source);
    });
  }

  /** Runs the editor's own change to the source, marked as the user's typing or pasting. */
  edit(kind: 'typing' | 'paste', change: () => void): void {
    this.pendingKind = kind;
    try {
      change();
    } finally {
      this.pendingKind = null;
    }
  }

  get canUndo(): boolean {
    return this.index > 0;
  }

  get canRedo(): boolean {
    return this.index < this.entries.length - 1;
  }

  undo(): boolean {
    return this.canUndo && this.apply(this.index - 1);
  }

  redo(): boolean {
    return this.canRedo && this.apply(this.index + 1);
  }

  private apply(index: number): boolean {
    this.index = index;
    this.sealed = true;
    this.applying = true;
    try {
      this.store.getState().setSource((this.entries[index] as Entry).text, undefined, 'soon');
    } finally {
      this.applying = false;
    }
    return true;
  }

  private record(text: string): void {
    if (this.applying) return;
    const kind = this.pendingKind ?? 'app';
    const at = this.now();
    const top = this.entries[this.index] as Entry;
    if (top.text === text) return;
    this.entries.length = this.index + 1; // a new change drops what could have been redone
    const grows = text.length >= top.text.length;
    const burst = kind === 'typing' ? TYPING_BURST_MS : APP_BURST_MS;
    const merge = !this.sealed && this.index > 0 && kind !== 'paste' && top.kind === kind && at - top.at < burst && (kind !== 'typing' || top.grows === grows);
    this.sealed = false;
    if (merge) {
      this.entries[this.index] = { text, kind, at, grows };
      return;
    }
    this.entries.push({ text, kind, at, grows });
    this.index++;
    let chars = 0;
    for (const e of this.entries) chars += e.text.length;
    while (this.entries.length > 2 && (this.entries.length > MAX_ENTRIES || chars > MAX_CHARS)) {
      chars -= (this.entries.shift() as Entry).text.length;
      this.index--;
    }
  }
}

const histories = new WeakMap<AppStore, SourceHistory>();

/** The one history of a store, started the first time the editor asks for it. */
export function historyFor(store: AppStore): SourceHistory {
  let history = histories.get(store);
  if (!history) {
    history = new SourceHistory(store);
    histories.set(store, history);
  }
  return history;
}

/** The one replacement that turns `before` into `after`: what lies between their common prefix and suffix. */
export function textChange(before: string, after: string): { from: number; to: number; insert: string } {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { from: prefix, to: before.length - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** Where the caret goes after an undo or redo: at the end of what changed between the two texts. */
export function caretAfterChange(before: string, after: string): number {
  const change = textChange(before, after);
  return change.from + change.insert.length;
}
