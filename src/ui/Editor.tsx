import type { EditorView } from '@codemirror/view';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { setMark } from './editor-marks.ts';
import { createFormulaView, showText } from './editor-view.ts';
import { errorRange, gateRange } from './gate-range.ts';
import { caretAfterChange, historyFor } from './source-history.ts';
import { useApp, useAppStore } from './store-context.ts';
import { EDITOR_ID, isTextEntry, useTextFocus } from './text-focus.ts';

interface BoxMetrics { height: number; width: number; gutter: number; scrollTop: number; scrollLeft: number }

/**
 * The editor box's size and scroll (and the line numbers' width), kept up to date by observers, so that revealing the
 * current line on every step reads no layout: a read there forced a layout of the whole page before the circuit's
 * labels changed, which then laid it out again (two layouts a step, ~100 ms each at 500 gates on a busy machine).
 */
function useBoxMetrics(box: RefObject<HTMLDivElement | null>): RefObject<BoxMetrics> {
  const metrics = useRef<BoxMetrics>({ height: 0, width: 0, gutter: 0, scrollTop: 0, scrollLeft: 0 });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Read where layout is done already: at once, and in the observer's callback after a resize.
    const measure = () => (metrics.current = {
      height: el.clientHeight, width: el.clientWidth, gutter: el.querySelector<HTMLElement>('.cm-gutters')?.offsetWidth ?? 0,
      scrollTop: el.scrollTop, scrollLeft: el.scrollLeft,
    });
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    const onScroll = () => Object.assign(metrics.current, { scrollTop: el.scrollTop, scrollLeft: el.scrollLeft });
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer?.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [box]);
  return metrics;
}

/**
 * Scrolls the editor's box (only it, not the page) so that the text at `pos` is in view. When it must move down, the
 * line goes a third of the way down, so that the next steps' lines are in view already; sideways (a paste leaves the
 * box scrolled to the end of its last line, where short lines look empty), the text's start comes near the left. Where
 * the line is comes from the editor's height map, its column from the monospace character width, and the write waits
 * for the next frame, where the layout it needs is done once with the circuit's.
 */
function revealLine(box: HTMLElement, metrics: BoxMetrics, view: EditorView, pos: number) {
  const { height, width, gutter, scrollTop, scrollLeft } = metrics;
  const lineHeight = view.defaultLineHeight;
  const top = view.lineBlockAt(pos).top + view.documentPadding.top;
  const x = (pos - view.state.doc.lineAt(pos).from) * view.defaultCharacterWidth;
  const seen = width - gutter - 4 * view.defaultCharacterWidth;
  const down = top >= scrollTop && top + 2 * lineHeight <= scrollTop + height ? scrollTop : Math.max(0, Math.round(top - height / 3));
  const across = x >= scrollLeft && x <= scrollLeft + seen ? scrollLeft : x < seen / 2 ? 0 : Math.round(x - 4 * view.defaultCharacterWidth);
  if (down === scrollTop && across === scrollLeft) return;
  Object.assign(metrics, { scrollTop: down, scrollLeft: across });
  requestAnimationFrame(() => {
    box.scrollTop = down;
    box.scrollLeft = across;
  });
}

export function Editor() {
  const store = useAppStore();
  const source = useApp((s) => s.source);
  const error = useApp((s) => s.error);
  // A link or a first formula that does not compile has no earlier circuit to show.
  const hasModel = useApp((s) => s.model !== null);
  // The gate the current step computes, highlighted in the text (only while the text is the circuit's own).
  const gate = useApp((s) => (s.model && !s.error ? s.model.circuit.nodes[s.model.schedule.step(s.step).node] : undefined));
  const [history] = useState(() => historyFor(store));
  const box = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const metrics = useBoxMetrics(box);
  const focused = useTextFocus() === 'editor';

  // The store's source is the truth: the editor's edits go there, and a source set elsewhere comes in as one change.
  useLayoutEffect(() => {
    const parent = host.current;
    if (!parent) return;
    let shown = store.getState().source;
    const editor = createFormulaView(parent, shown, (text, kind) => {
      shown = text;
      history.edit(kind, () => store.getState().setSource(text, undefined, 'soon'));
    });
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.source === previous.source || state.source === shown) return;
      shown = state.source;
      showText(editor, shown);
    });
    setView(editor);
    return () => {
      unsubscribe();
      editor.destroy();
    };
  }, [store, history]);

  // Undo and redo are the formula's wherever the keys are, except in another text field, which undoes its own typing.
  useEffect(() => {
    if (!view) return;
    const el = view.contentDOM;
    const travel = (redo: boolean) => {
      const before = store.getState().source;
      if (!(redo ? history.redo() : history.undo())) return;
      // After an undo in the editor the caret goes where the text changed, and the editor scrolls to it.
      if (view.hasFocus) view.dispatch({ selection: { anchor: caretAfterChange(before, store.getState().source) }, scrollIntoView: true });
    };
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if (!(e.ctrlKey || e.metaKey) || e.altKey || (key !== 'z' && key !== 'y')) return;
      if (e.target !== el && (isTextEntry(e.target) || (e.target instanceof Element && e.target.closest('dialog')))) return;
      e.preventDefault();
      travel(key === 'y' || e.shiftKey);
    };
    // The browser's Edit menu and context menu undo through beforeinput, not keys.
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
      e.preventDefault();
      travel(e.inputType === 'historyRedo');
    };
    window.addEventListener('keydown', onKey);
    el.addEventListener('beforeinput', onBeforeInput);
    return () => {
      window.removeEventListener('keydown', onKey);
      el.removeEventListener('beforeinput', onBeforeInput);
    };
  }, [store, history, view]);

  const mark = useMemo(() => (error ? errorRange(source, error) : gateRange(source, gate)), [source, error, gate]);

  useEffect(() => {
    view?.dispatch({ effects: setMark.of(mark && { range: mark, kind: error ? 'error' : 'gate' }) });
  }, [view, mark, error]);

  // Stepping brings the current gate's line into view, unless the user is typing there.
  useEffect(() => {
    if (view && !error && mark && box.current && !view.hasFocus) revealLine(box.current, metrics.current, view, mark.start);
  }, [view, mark, error, metrics]);

  return (
    <section className="panel editor" aria-label="Formula">
      <div className="editor-head">
        <span className="panel-title" id={`${EDITOR_ID}-label`} onClick={() => view?.focus()}>Formula</span>
        {focused && <span className="editor-keys-hint" data-testid="editor.keys-hint"><kbd>Esc</kbd> to step with the keyboard</span>}
      </div>
      <div className={`editor-box${error ? ' has-error' : ''}`} ref={box} data-testid="editor.box">
        <div ref={host} />
      </div>
      {error ? (
        <p id="formula-error" className="error-message" role="alert" data-testid="editor.error">
          <span className="error-where" data-testid="editor.error-position">Line {error.line}, column {error.column}:</span>{' '}
          {error.message}
          {hasModel && <span className="error-note"> The circuit shown is the last one that worked, dimmed until this is fixed.</span>}
        </p>
      ) : (
        <p className="hint">Write <code>name = value</code> for inputs, then one formula per line; the last line is the output.</p>
      )}
    </section>
  );
}
