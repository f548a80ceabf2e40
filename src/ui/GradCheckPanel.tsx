import { useMemo } from 'react';
import { formatFull, gradientCheck, type GradCheckRow } from '../core/index.ts';
import { GradCheckTimes } from './GradCheckTimes.tsx';
import { useApp } from './store-context.ts';

/** The lecture's advice, a relative error below this is a pass. */
const GOOD = 1e-7;
const OK = 1e-4;

type Verdict = 'good' | 'fair' | 'kink' | 'bad';
const verdictOf = (r: GradCheckRow): Verdict => (r.relativeError < GOOD ? 'good' : r.relativeError < OK ? 'fair' : r.kink ? 'kink' : 'bad');
const MARK: Record<Verdict, string> = { good: '✓', fair: '~', kink: '⚠ kink', bad: '✗' };

export function GradCheckPanel() {
  const model = useApp((s) => s.model);
  const open = useApp((s) => s.showGradCheck);
  const setOpen = useApp((s) => s.setShowGradCheck);
  const quiz = useApp((s) => s.quiz);
  // A published model is never changed afterwards, and the check runs on its own copy of the engine.
  const rows = useMemo(() => (model && open && !quiz ? gradientCheck(model.tape) : []), [model, open, quiz]);
  if (!model) return null;
  // Every input's gradient, at any step, would answer the quiz's backward questions before they are asked.
  if (quiz) {
    return (
      <section className="panel gradcheck" data-testid="gradcheck">
        <h2 className="panel-title">Gradient check</h2>
        <p className="hint" data-testid="gradcheck.quiz">Hidden during the quiz: it shows every input’s gradient. Turn the quiz off to check them.</p>
      </section>
    );
  }
  const kinks = rows.filter((r) => verdictOf(r) === 'kink');
  return (
    <details className="panel gradcheck" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="gradcheck">
      <summary className="panel-title">
        <span className="disclosure" aria-hidden="true">{open ? '▾' : '▸'}</span> Gradient check
        {!open && <span className="hint"> — analytic vs numerical, click to open</span>}
      </summary>
      <p className="hint">Analytic gradients beside centred differences (f(x+h) − f(x−h)) / 2h with h = 1e-5.</p>
      <table>
        <thead><tr><th scope="col">input</th><th scope="col">analytic</th><th scope="col">numerical</th><th scope="col">relative error</th></tr></thead>
        <tbody>
          {rows.map((r) => {
            const verdict = verdictOf(r);
            return (
              <tr key={r.input} data-testid={`gradcheck.row.${model.circuit.nodes[r.input]?.names[0]}`}>
                <th scope="row">
                  {model.circuit.nodes[r.input]?.names[0]}
                  {r.total > 1 && <span className="hint"> worst of {r.checked}{r.checked < r.total ? ` of ${r.total.toLocaleString('en-US')}` : ''} elements, at [{r.element}]</span>}
                </th>
                <td>{formatFull(r.analytic)}</td>
                <td>{formatFull(r.numerical)}</td>
                <td className={`verdict-${verdict}`} title={verdict === 'kink' ? r.kink : undefined}>{r.relativeError.toExponential(1)} {MARK[verdict]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <GradCheckTimes />
      {kinks.map((r) => (
        <p key={r.input} className="hint kink-note" data-testid="gradcheck.kink">
          <strong>{model.circuit.nodes[r.input]?.names[0]}</strong>: {r.kink}. The numerical slope averages the two one-sided
          slopes there, while the analytic gradient uses the convention at the corner (relu′(0) = 0, abs′(0) = 0, a max tie
          goes to the first argument). Both are right; move the input off the corner to compare them.
        </p>
      ))}
    </details>
  );
}
