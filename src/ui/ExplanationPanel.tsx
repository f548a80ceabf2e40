import type { ReactNode } from 'react';
import { explainStep, formatFull, type StepExplanation } from '../core/index.ts';
import { useApp } from './store-context.ts';

/** A backward step: the upstream gradient, a table of what each input receives, the chain rule written out, the pattern. */
function BackwardStep({ upstream, table, lines, pattern }: { upstream: string; table: ReactNode; lines: readonly string[]; pattern: string }) {
  return (
    <>
      <p className="formula-line" data-testid="explain.upstream">{upstream}</p>
      {table}
      {lines.map((text, i) => <p key={i} className="formula-line" data-testid="explain.line">{text}</p>)}
      <p className="pattern" data-testid="explain.pattern">{pattern}</p>
    </>
  );
}

function StepBody({ explanation: e }: { explanation: StepExplanation }) {
  if (e.phase === 'backward') {
    const table = (
      <table className="chain-table">
        <thead><tr><th scope="col">input</th><th scope="col">upstream</th><th scope="col">× local</th><th scope="col">= downstream</th></tr></thead>
        <tbody>
          {e.terms.map((t, i) => (
            <tr key={i}>
              <th scope="row">{t.name}</th>
              <td>{formatFull(e.upstream)}</td>
              <td title={t.localFormula}>{formatFull(t.local)} <span className="local-formula">= {t.localFormula}</span></td>
              <td>{formatFull(t.downstream)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    return <BackwardStep upstream={e.lines[0] ?? ''} table={table} lines={e.terms.map((t) => t.text)} pattern={e.pattern} />;
  }
  if (e.phase === 'tensor-backward') {
    const table = (
      <table className="chain-table tensor">
        <thead><tr><th scope="col">input</th><th scope="col">gradient, in matrix form</th><th scope="col">shapes</th></tr></thead>
        <tbody>
          {e.terms.map((t, i) => (
            <tr key={i}>
              <th scope="row">{t.name}</th>
              <td>{t.formula}{t.numbers && <span className="local-formula"> = {t.numbers}</span>}</td>
              <td>{t.shapes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    return <BackwardStep upstream={e.lines[0] ?? ''} table={table} lines={e.terms.map((t) => t.text)} pattern={e.pattern} />;
  }
  return <>{e.lines.map((line, i) => <p key={i} className="formula-line" data-testid="explain.line">{line}</p>)}</>;
}

export function ExplanationPanel() {
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  useApp((s) => s.revision);
  if (!model) return null;
  const explanation = explainStep(model.tape, model.schedule, step);
  return (
    <section className="panel explanation" aria-label="What this step does" aria-live="polite" data-testid="explain" tabIndex={0}>
      <h2 className="panel-title" data-testid="explain.title">{explanation.title}</h2>
      <StepBody explanation={explanation} />
    </section>
  );
}
