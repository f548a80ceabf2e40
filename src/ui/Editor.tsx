import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type ClipboardEvent, type RefObject } from 'react';
import { errorRange, gateRange, type TextRange } from './gate-range.ts';
import { caretAfterChange, historyFor } from './source-history.ts';
import { useApp, useAppStore } from './store-context.ts';
import { EDITOR_ID, isTextEntry, useTextFocus } from './text-focus.ts';

/** The source with one range marked, drawn behind the transparent textarea so the marker sits under the text. */
function Backdrop({ text, mark, kind }: { text: string; mark: TextRange | null; kind: 'error' | 'gate' }) {
  if (!mark) return <>{text + '\n'}</>;
  return (
    <>
      {text.slice(0, mark.start)}
      <mark className={`${kind}-mark`} data-testid={`editor.${kind}-mark`}>{text.slice(mark.start, mark.end) || ' '}</mark>
      {text.slice(mark.end) + '\n'}
    </>
  );
}

/** Line numbers as one text block (a 2,500-line formula would otherwise be 2,500 elements), the error's line marked. */
function Gutter({ lines, errorLine }: { lines: number; errorLine: number | undefined }) {
  const numbers = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i + 1).join('\n');
  if (errorLine === undefined || errorLine > lines) return <div className="gutter" aria-hidden="true">{numbers(0, lines)}</div>;
  return (
    <div className="gutter" aria-hidden="true">
      {errorLine > 1 && numbers(0, errorLine - 1) + '\n'}
      <span className="error-line">{errorLine}</span>
      {errorLine < lines && '\n' + numbers(errorLine, lines)}
    </div>
  );
}

interface BoxMetrics { lineHeight: number; height: number; scrollTop: number }

/**
 * The editor box's line height, height and scroll, kept up to date by observers, so that revealing the current line
 * on every step reads no layout: a read there forced a layout of the whole page before the circuit's labels changed,
 * which then laid it out again (two layouts a step, ~100 ms each at 500 gates on a busy machine).
 */
function useBoxMetrics(box: RefObject<HTMLDivElement | null>, area: RefObject<HTMLTextAreaElement | null>): RefObject<BoxMetrics> {
  const metrics = useRef<BoxMetrics>({ lineHeight: 21, height: 0, scrollTop: 0 });
  useEffect(() => {
    const el = box.current;
    const text = area.current;
    if (!el || !text) return;
    const measure = () => {
      metrics.current = { lineHeight: parseFloat(getComputedStyle(text).lineHeight) || 21, height: el.clientHeight, scrollTop: el.scrollTop };
    };
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    observer?.observe(text);
    const onScroll = () => (metrics.current.scrollTop = el.scrollTop);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer?.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [box, area]);
  return metrics;
}

/**
 * Scrolls the editor's box (only it, not the page) so that a 0-based line is in view. When it must move, the line goes
 * a third of the way down, so that the next steps' lines are in view already; the write waits for the next frame,
 * where the layout it needs is done once with the circuit's.
 */
function revealLine(box: HTMLElement, metrics: BoxMetrics, line: number) {
  const { lineHeight, height, scrollTop } = metrics;
  const top = line * lineHeight;
  if (top >= scrollTop && top + 2 * lineHeight <= scrollTop + height) return;
  const next = Math.max(0, Math.round(top - height / 3));
  metrics.scrollTop = next;
  requestAnimationFrame(() => (box.scrollTop = next));
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

export function Editor() {
  const store = useAppStore();
  const source = useApp((s) => s.source);
  const error = useApp((s) => s.error);
  // A link or a first formula that does not compile has no earlier circuit to show.
  const hasModel = useApp((s) => s.model !== null);
  const setSource = useApp((s) => s.setSource);
  // The gate the current step computes, highlighted in the text (only while the text is the circuit's own).
  const gate = useApp((s) => (s.model && !s.error ? s.model.circuit.nodes[s.model.schedule.step(s.step).node] : undefined));
  const [history] = useState(() => historyFor(store));
  const box = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const metrics = useBoxMetrics(box, area);
  const focused = useTextFocus() === 'editor';

  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    const inputType = (e.nativeEvent as InputEvent).inputType ?? '';
    const kind = /^(insertFromPaste|insertFromDrop|deleteByCut)/.test(inputType) ? 'paste' : 'typing';
    const text = e.target.value;
    history.edit(kind, () => setSource(text, undefined, 'soon'));
  };

  // Chromium inserts pasted text line by line, laying the textarea out again after each: 2,500 lines took 3 s.
  // Pasted as one new value, the same text takes one layout.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n');
    if (!pasted) return;
    e.preventDefault();
    const el = e.currentTarget;
    const text = el.value.slice(0, el.selectionStart) + pasted + el.value.slice(el.selectionEnd);
    caret.current = el.selectionStart + pasted.length;
    history.edit('paste', () => setSource(text, undefined, 'soon'));
  };

  // Undo and redo are the formula's wherever the keys are, except in another text field, which undoes its own typing.
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    const travel = (redo: boolean) => {
      const before = store.getState().source;
      if (!(redo ? history.redo() : history.undo())) return;
      if (document.activeElement === el) caret.current = caretAfterChange(before, store.getState().source);
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
  }, [store, history]);

  // After an undo in the editor the caret goes where the text changed, and the box scrolls to it.
  useLayoutEffect(() => {
    const el = area.current;
    if (caret.current === null || !el || !box.current) return;
    el.setSelectionRange(caret.current, caret.current);
    revealLine(box.current, metrics.current, lineOf(source, caret.current));
    caret.current = null;
  }, [source, metrics]);

  const mark = useMemo(() => (error ? errorRange(source, error) : gateRange(source, gate)), [source, error, gate]);

  // Stepping brings the current gate's line into view, unless the user is typing there.
  useEffect(() => {
    if (!error && mark && box.current && area.current && document.activeElement !== area.current) revealLine(box.current, metrics.current, lineOf(source, mark.start));
  }, [mark, error, source, metrics]);

  const lines = useMemo(() => source.split('\n').length, [source]);

  return (
    <section className="panel editor" aria-label="Formula">
      <div className="editor-head">
        <label className="panel-title" htmlFor={EDITOR_ID}>Formula</label>
        {focused && <span className="editor-keys-hint" data-testid="editor.keys-hint"><kbd>Esc</kbd> to step with the keyboard</span>}
      </div>
      <div className={`editor-box${error ? ' has-error' : ''}`} ref={box} data-testid="editor.box">
        <div className="editor-lines">
          <Gutter lines={lines} errorLine={error?.line} />
          <div className="editor-stack">
            <div className="editor-backdrop" aria-hidden="true"><Backdrop text={source} mark={mark} kind={error ? 'error' : 'gate'} /></div>
            <textarea
              id={EDITOR_ID}
              ref={area}
              data-testid="editor.input"
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              wrap="off"
              rows={1}
              value={source}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'formula-error' : undefined}
              onChange={onChange}
              onPaste={onPaste}
            />
          </div>
        </div>
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
