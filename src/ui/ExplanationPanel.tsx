import { explainStep, formatFull } from '../core/index.ts';
import { useApp } from './store-context.ts';

export function ExplanationPanel() {
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  useApp((s) => s.revision);
  if (!model) return null;
  const explanation = explainStep(model.tape, model.schedule, step);
  return (
    <section className="panel explanation" aria-label="What this step does" aria-live="polite" data-testid="explain" tabIndex={0}>
      <h2 className="panel-title" data-testid="explain.title">{explanation.title}</h2>
      {explanation.phase === 'backward' ? (
        <>
          <p className="formula-line" data-testid="explain.upstream">{explanation.lines[0]}</p>
          <table className="chain-table">
            <thead><tr><th scope="col">input</th><th scope="col">upstream</th><th scope="col">× local</th><th scope="col">= downstream</th></tr></thead>
            <tbody>
              {explanation.terms.map((t, i) => (
                <tr key={i}>
                  <th scope="row">{t.name}</th>
                  <td>{formatFull(explanation.upstream)}</td>
                  <td title={t.localFormula}>{formatFull(t.local)} <span className="local-formula">= {t.localFormula}</span></td>
                  <td>{formatFull(t.downstream)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {explanation.terms.map((t, i) => (
            <p key={i} className="formula-line" data-testid="explain.line">{t.text}</p>
          ))}
          <p className="pattern" data-testid="explain.pattern">{explanation.pattern}</p>
        </>
      ) : explanation.phase === 'tensor-backward' ? (
        <>
          <p className="formula-line" data-testid="explain.upstream">{explanation.lines[0]}</p>
          <table className="chain-table tensor">
            <thead><tr><th scope="col">input</th><th scope="col">gradient, in matrix form</th><th scope="col">shapes</th></tr></thead>
            <tbody>
              {explanation.terms.map((t, i) => (
                <tr key={i}>
                  <th scope="row">{t.name}</th>
                  <td>{t.formula}{t.numbers && <span className="local-formula"> = {t.numbers}</span>}</td>
                  <td>{t.shapes}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {explanation.terms.map((t, i) => (
            <p key={i} className="formula-line" data-testid="explain.line">{t.text}</p>
          ))}
          <p className="pattern" data-testid="explain.pattern">{explanation.pattern}</p>
        </>
      ) : (
        explanation.lines.map((line, i) => <p key={i} className="formula-line" data-testid="explain.line">{line}</p>)
      )}
    </section>
  );
}
