import { useContext, type ReactNode } from 'react';
import { explainStep, formatFull, termLine, type Line, type StepExplanation } from '../core/index.ts';
import { useApp } from './store-context.ts';
import { TypesetContext } from './typeset-context.ts';
import { StepLatex } from './StepLatex.tsx';
import { TypesetMath } from './TypesetMath.tsx';

/** One line of maths: typeset, or the text the panel always printed. */
function FormulaLine({ math, typeset, testId }: { math: Line | undefined; typeset: boolean; testId: string }) {
  return <p className={typeset ? 'formula-line typeset' : 'formula-line'} data-testid={testId}>{math && <TypesetMath math={math} typeset={typeset} large />}</p>;
}

/** A backward step: the upstream gradient, a table of what each input receives, the chain rule written out, the pattern. */
function BackwardStep({ e, table, typeset }: { e: Extract<StepExplanation, { terms: unknown }>; table: ReactNode; typeset: boolean }) {
  return (
    <>
      <FormulaLine math={e.math[0]} typeset={typeset} testId="explain.upstream" />
      {table}
      {e.terms.map((t, i) => <FormulaLine key={i} math={termLine(t.math)} typeset={typeset} testId="explain.line" />)}
      <p className="pattern" data-testid="explain.pattern">{e.pattern}</p>
    </>
  );
}

/** A step's explanation: maths typeset with KaTeX when `typeset` is on (once it has loaded), else as text. */
export function ExplanationBody({ explanation: e, typeset = false }: { explanation: StepExplanation; typeset?: boolean }) {
  if (e.phase === 'backward') {
    const table = (
      <table className="chain-table">
        <thead><tr><th scope="col">input</th><th scope="col">upstream</th><th scope="col">× local</th><th scope="col">= downstream</th></tr></thead>
        <tbody>
          {e.terms.map((t, i) => (
            <tr key={i}>
              <th scope="row">{t.name}</th>
              <td>{formatFull(e.upstream)}</td>
              <td title={t.localFormula}>{formatFull(t.local)} <span className="local-formula">= <TypesetMath math={t.math.local} typeset={typeset} /></span></td>
              <td>{formatFull(t.downstream)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    return <BackwardStep e={e} table={table} typeset={typeset} />;
  }
  if (e.phase === 'tensor-backward') {
    const table = (
      <table className="chain-table tensor">
        <thead><tr><th scope="col">input</th><th scope="col">gradient, in matrix form</th><th scope="col">shapes</th></tr></thead>
        <tbody>
          {e.terms.map((t, i) => (
            <tr key={i}>
              <th scope="row">{t.name}</th>
              <td>
                <TypesetMath math={t.math.formula} typeset={typeset} />
                {t.math.numbers && <span className="local-formula"> = <TypesetMath math={t.math.numbers} typeset={typeset} /></span>}
              </td>
              <td><TypesetMath math={t.math.shapes} typeset={typeset} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    return <BackwardStep e={e} table={table} typeset={typeset} />;
  }
  return <>{e.math.map((line, i) => <FormulaLine key={i} math={line} typeset={typeset} testId="explain.line" />)}</>;
}

export function ExplanationPanel() {
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  const typeset = useContext(TypesetContext);
  useApp((s) => s.revision);
  if (!model) return null;
  const explanation = explainStep(model.tape, model.schedule, step);
  return (
    <section className="panel explanation" aria-label="What this step does" data-testid="explain" tabIndex={0}>
      <div className="explain-head">
        <h2 className="panel-title" data-testid="explain.title">{explanation.title}</h2>
        {!typeset && <StepLatex explanation={explanation} />}
      </div>
      <ExplanationBody explanation={explanation} typeset={typeset} />
    </section>
  );
}
