import { useEffect, useRef, useState } from 'react';
import type { SourceError } from '../core/index.ts';
import { useApp } from './store-context.ts';

/** Offset of a 1-based line and column in the text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return Math.min(text.length, offset + column - 1);
}

/** The source with the error's span marked, drawn behind the transparent textarea so the marker sits under the text. */
function Backdrop({ text, error }: { text: string; error: SourceError | null }) {
  if (!error) return <>{text + '\n'}</>;
  const start = offsetOf(text, error.line, error.column);
  const end = Math.min(text.length, start + error.length);
  return (
    <>
      {text.slice(0, start)}
      <mark className="error-mark" data-testid="editor.error-mark">{text.slice(start, end) || ' '}</mark>
      {text.slice(end) + '\n'}
    </>
  );
}

export function Editor() {
  const source = useApp((s) => s.source);
  const error = useApp((s) => s.error);
  const setSource = useApp((s) => s.setSource);
  const [draft, setDraft] = useState(source);
  const backdrop = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  // Follow changes made elsewhere (an input slider rewrites its number; a host page loads a formula).
  useEffect(() => setDraft(source), [source]);

  const onChange = (text: string) => {
    setDraft(text);
    setSource(text);
  };
  const syncScroll = () => {
    if (backdrop.current && area.current) {
      backdrop.current.scrollTop = area.current.scrollTop;
      backdrop.current.scrollLeft = area.current.scrollLeft;
    }
  };
  const lines = draft.split('\n').length;

  return (
    <section className="panel editor" aria-label="Formula">
      <label className="panel-title" htmlFor="formula">Formula</label>
      <div className={`editor-box${error ? ' has-error' : ''}`}>
        <div className="gutter" aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <div key={i} className={error?.line === i + 1 ? 'error-line' : undefined}>{i + 1}</div>
          ))}
        </div>
        <div className="editor-stack">
          <div className="editor-backdrop" ref={backdrop} aria-hidden="true"><Backdrop text={draft} error={error} /></div>
          <textarea
            id="formula"
            ref={area}
            data-testid="editor.input"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            value={draft}
            rows={Math.min(12, Math.max(4, lines + 1))}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'formula-error' : undefined}
            onChange={(e) => onChange(e.target.value)}
            onScroll={syncScroll}
          />
        </div>
      </div>
      {error ? (
        <p id="formula-error" className="error-message" role="alert" data-testid="editor.error">
          <span className="error-where" data-testid="editor.error-position">Line {error.line}, column {error.column}:</span>{' '}
          {error.message}
          <span className="error-note"> The circuit below is the last one that worked.</span>
        </p>
      ) : (
        <p className="hint">Write <code>name = value</code> for inputs, then one formula per line; the last line is the output.</p>
      )}
    </section>
  );
}
