import { circuitOverview, describeShape, formatFull, outputSymbol, wireName, type CircuitNode, type Engine } from '../core/index.ts';
import { MAX_DRAWN_GATES } from '../render/constants.ts';
import type { Model } from '../state/model.ts';
import { useApp } from './store-context.ts';

const count = (n: number) => n.toLocaleString('en-US');
/** Inputs listed here at most; the wire table lists them all. */
const MAX_LISTED_INPUTS = 200;

/** A wire's number as text: a scalar in full, a tensor by its shape. */
function valueText(tape: Engine, i: number, grad: boolean): string {
  const shape = tape.circuit.nodes[i]?.shape ?? [];
  if (shape.length) return describeShape(shape);
  return formatFull((grad ? tape.grads : tape.values)[tape.offset[i] as number] as number);
}

/**
 * What a circuit too big to draw legibly still shows: its output and every input with value and gradient (computed,
 * as always, by the engine), and what it is made of; a button opens the searchable table of every wire.
 */
export function CircuitOverview({ model }: { model: Model }) {
  const { circuit, tape } = model;
  const overview = circuitOverview(circuit);
  const f = outputSymbol(circuit);
  const setDisplay = useApp((s) => s.setDisplay);
  return (
    <div className="circuit-overview" data-testid="circuit.overview">
      <p className="overview-why">
        {count(overview.gates)} gates, {count(overview.depth)} deep: too many to draw legibly (circuits of up to{' '}
        {count(MAX_DRAWN_GATES)} gates are drawn). Every value and gradient is computed.
      </p>
      <button type="button" onClick={() => setDisplay('table')} data-testid="overview.table">
        Search all {count(circuit.nodes.length)} wires in the table
      </button>
      <dl className="overview-output">
        <dt>Output {circuit.outputName}</dt>
        <dd data-testid="overview.output">{valueText(tape, circuit.output, false)}</dd>
      </dl>
      <table className="overview-inputs" data-testid="overview.inputs">
        <caption>Inputs</caption>
        <thead><tr><th scope="col">input</th><th scope="col">value</th><th scope="col">∂{f}/∂input</th></tr></thead>
        <tbody>
          {circuit.inputs.slice(0, MAX_LISTED_INPUTS).map((i) => (
            <tr key={i} data-testid={`overview.input.${wireName(circuit.nodes[i] as CircuitNode)}`}>
              <th scope="row">{wireName(circuit.nodes[i] as CircuitNode)}</th>
              <td className="value">{valueText(tape, i, false)}</td>
              <td className="grad">{valueText(tape, i, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {circuit.inputs.length > MAX_LISTED_INPUTS && <p className="hint">and {count(circuit.inputs.length - MAX_LISTED_INPUTS)} more inputs.</p>}
      <table className="overview-kinds" data-testid="overview.kinds">
        <caption>Gates by kind</caption>
        <tbody>
          {overview.kinds.map(({ op, count: n }) => <tr key={op}><th scope="row">{op}</th><td>{count(n)}</td></tr>)}
        </tbody>
      </table>
    </div>
  );
}
