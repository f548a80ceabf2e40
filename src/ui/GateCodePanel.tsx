import { useMemo, type ReactNode } from 'react';
import { pendingQuestion } from '../state/quiz-selectors.ts';
import { gateCode, type CodeLine } from './gate-code-lines.ts';
import { useApp } from './store-context.ts';

/** Comments start in one column, as in an editor, unless a line of code is longer than this. */
const COMMENT_COLUMN_MAX = 34;

function Line({ line, column }: { line: CodeLine; column: number }) {
  return (
    <span className={`code-line code-${line.part}`}>
      {line.code}
      {line.comment && <span className="code-comment">{`${' '.repeat(Math.max(2, column - line.code.length))}# ${line.comment}`}</span>}
      {'\n'}
    </span>
  );
}

/** The current gate's forward() and backward() as code, the lecture's "forward / backward API", with today's numbers. */
export function GateCodePanel() {
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  // The numbers would answer an open quiz question.
  const withheld = useApp((s) => pendingQuestion(s) !== null);
  const view = useMemo(() => (model ? gateCode(model, step, !withheld) : null), [model, step, withheld]);
  if (!model) return null;
  const column = view ? Math.min(COMMENT_COLUMN_MAX, Math.max(...view.lines.filter((l) => l.comment).map((l) => l.code.length)) + 2) : 0;
  return (
    <section className="panel gate-code" aria-label="The current gate as code" data-testid="gate-code">
      <h2 className="panel-title">{view ? `${view.running === 'forward' ? 'forward()' : 'backward()'} of the current gate` : 'The gate API'}</h2>
      {view ? (
        <pre className={`gate-code-text running-${view.running}`} data-testid="gate-code.text">
          {view.lines.map((line, i) => <Line key={i} line={line} column={column} />)}
        </pre>
      ) : (
        <p className="hint">Step forward: each gate’s forward() and backward() appear here, with the numbers it computes.</p>
      )}
      {withheld && view && <p className="hint">The numbers appear once the quiz question is answered.</p>}
    </section>
  );
}

/** The explanation with the gate's code beside it when the slide (or the deck bar's toggle) asks for it. */
export function WithGateCode({ children }: { children: ReactNode }) {
  const showCode = useApp((s) => s.showCode);
  if (!showCode) return children;
  return (
    <div className="explain-with-code">
      {children}
      <GateCodePanel />
    </div>
  );
}
