import { useMemo } from 'react';
import { formatFull, gradientCheck } from '../core/index.ts';
import { useApp } from './store-context.ts';

/** The lecture's advice, a relative error below this is a pass. */
const GOOD = 1e-7;
const OK = 1e-4;

export function GradCheckPanel() {
  const model = useApp((s) => s.model);
  const revision = useApp((s) => s.revision);
  const open = useApp((s) => s.showGradCheck);
  const setOpen = useApp((s) => s.setShowGradCheck);
  const rows = useMemo(() => (model && open ? gradientCheck(model.tape) : []), [model, open, revision]);
  if (!model) return null;
  return (
    <details className="panel gradcheck" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="gradcheck">
      <summary className="panel-title">Gradient check</summary>
      <p className="hint">Analytic gradients beside centred differences (f(x+h) − f(x−h)) / 2h with h = 1e-5.</p>
      <table>
        <thead><tr><th scope="col">input</th><th scope="col">analytic</th><th scope="col">numerical</th><th scope="col">relative error</th></tr></thead>
        <tbody>
          {rows.map((r) => {
            const verdict = r.relativeError < GOOD ? 'good' : r.relativeError < OK ? 'fair' : 'bad';
            return (
              <tr key={r.input} data-testid={`gradcheck.row.${model.circuit.nodes[r.input]?.names[0]}`}>
                <th scope="row">
                  {model.circuit.nodes[r.input]?.names[0]}
                  {r.total > 1 && <span className="hint"> worst of {r.checked}{r.checked < r.total ? ` of ${r.total.toLocaleString('en-US')}` : ''} elements, at [{r.element}]</span>}
                </th>
                <td>{formatFull(r.analytic)}</td>
                <td>{formatFull(r.numerical)}</td>
                <td className={`verdict-${verdict}`}>{r.relativeError.toExponential(1)} {verdict === 'good' ? '✓' : verdict === 'fair' ? '~' : '✗'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
