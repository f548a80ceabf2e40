import {
  describeShape, formatFull, formatTensor, gateLabel, jacobianOf, outputSymbol, wireName, TensorTape, WRITTEN_TENSOR_LIMIT, type CircuitNode,
} from '../core/index.ts';
import type { Model } from '../state/model.ts';
import { elementIndex, extent, heatmapGrid } from '../render/tensor-geometry.ts';
import { Dialog } from './Dialog.tsx';
import { HeatmapCanvas } from './HeatmapCanvas.tsx';
import { MatrixTable } from './MatrixTable.tsx';

/** A formed Jacobian up to this many columns is a table; a wider one a heatmap. */
const TABLE_COLS = 8;

interface LensProps {
  readonly model: Model;
  readonly step: number;
  readonly gate: number;
  readonly onClose: () => void;
  readonly onInspect: (node: number) => void;
}

const count = (n: number) => n.toLocaleString('en-US');
const numbers = (n: number) => `${count(n)} ${n === 1 ? 'number' : 'numbers'}`;
const entries = (n: number) => `${count(n)} ${n === 1 ? 'entry' : 'entries'}`;
/** `∂q/∂W`, with parentheses only around a name that is not a plain word (`∂(X @ syn0)/∂X`). */
const wrap = (name: string) => (/^[\w.]+$/.test(name) ? name : `(${name})`);
const percent = (part: number, whole: number) => `${Number(((100 * part) / whole).toPrecision(3))}%`;

/** One input of the gate: its local Jacobian (how big, what shape, how sparse) beside what the backward pass computes instead. */
function InputJacobian({ model, gate, j, onInspect }: { model: Model; gate: number; j: number; onInspect: (node: number) => void }) {
  const { circuit } = model;
  const tape = model.tape as TensorTape;
  const node = circuit.nodes[gate] as CircuitNode;
  const a = node.args[j] as number;
  const arg = circuit.nodes[a] as CircuitNode;
  const out = wireName(node);
  const name = wireName(arg);
  const f = outputSymbol(circuit);
  const info = jacobianOf(tape, gate, j);
  const total = info.rows * info.cols;
  const vjp = tape.contribution(gate, j);
  const grid = heatmapGrid(arg.shape);
  const title = `∂${wrap(out)}/∂${wrap(name)}`;
  const structureText = info.description.startsWith(`${info.structure}: `) ? info.description.slice(info.structure.length + 2) : info.description;
  return (
    <section className="lens-input" data-testid={`lens.input.${j}`} aria-label={`Jacobian for ${name}`}>
      <h3>
        {title}: the {gateLabel(circuit, gate)} gate’s {describeShape(node.shape)} output against {name}, a {describeShape(arg.shape)}
        {arg.kind === 'const' && <span className="muted"> (a constant: no gradient needed)</span>}
      </h3>
      <dl className="lens-facts">
        <dt>Size</dt>
        <dd data-testid={`lens.input.${j}.size`}>{info.rows}×{info.cols}, i.e. {entries(total)} (one row per element of {out}, one column per element of {name})</dd>
        <dt>Structure</dt>
        <dd data-testid={`lens.input.${j}.structure`}><strong>{info.structure}</strong>: {structureText}</dd>
        <dt>Non-zero</dt>
        <dd data-testid={`lens.input.${j}.nonzeros`}>at most {count(info.nonZeros)} of {count(total)} entries ({percent(info.nonZeros, total)})</dd>
      </dl>
      <div className="lens-pair">
        <div>
          <h4>The Jacobian {title}</h4>
          {!info.matrix ? (
            <p className="hint" data-testid={`lens.input.${j}.unformed`}>
              Too big to show ({entries(total)}), and never formed: the backward pass only needs its product with the upstream gradient.
            </p>
          ) : info.cols <= TABLE_COLS ? (
            <MatrixTable values={info.matrix} rows={info.rows} cols={info.cols} caption={`${title}: a row per element of ${out}, a column per element of ${name}`} testId={`lens.input.${j}.matrix`} />
          ) : (
            <HeatmapCanvas values={info.matrix} rows={info.rows} cols={info.cols} name={(k) => `J[${Math.floor(k / info.cols)}, ${k % info.cols}]`} label="J" testId={`lens.input.${j}.matrix`} size={192} />
          )}
        </div>
        <div>
          <h4>What the backward pass computes instead, the vector-Jacobian product ∂{f}/∂{wrap(out)} · {title}</h4>
          {vjp.length <= WRITTEN_TENSOR_LIMIT ? (
            <p className="formula-line" data-testid={`lens.input.${j}.vjp`}>{formatTensor(vjp, arg.shape)}</p>
          ) : (
            <HeatmapCanvas values={vjp} rows={grid.rows} cols={grid.cols} name={(k) => `∂${f}/∂${name}${elementIndex(arg.shape, k)}`} label={`∂${f}/∂${name}`} testId={`lens.input.${j}.vjp`} size={192} />
          )}
          <p className="hint">
            This is {name}’s share of ∂{f}/∂{wrap(name)}: a {describeShape(arg.shape)}, the shape of {name}, {numbers(vjp.length)} instead of {entries(total)}.
          </p>
        </div>
      </div>
      <button type="button" onClick={() => onInspect(a)} data-testid={`lens.input.${j}.inspect`}>Inspect {name}</button>
    </section>
  );
}

function Upstream({ model, gate }: { model: Model; gate: number }) {
  const { min, max } = extent(model.tape.grad(gate));
  const d = `∂${outputSymbol(model.circuit)}/∂${wrap(wireName(model.circuit.nodes[gate] as CircuitNode))}`;
  return <p className="hint">The upstream gradient {d} runs from {formatFull(min)} to {formatFull(max)}.</p>;
}

/** The lecture's question, "what is the size of the Jacobian matrix?", answered for each input of one gate. */
export function JacobianLens({ model, step, gate, onClose, onInspect }: LensProps) {
  const { circuit, schedule } = model;
  const node = circuit.nodes[gate] as CircuitNode;
  const at = schedule.backwardStep[gate] as number;
  return (
    <Dialog title={<>Jacobian lens: the <code>{gateLabel(circuit, gate)}</code> gate computing <code>{wireName(node)}</code></>} onClose={onClose} testId="lens">
      {!(model.tape instanceof TensorTape) ? (
        <p>This circuit carries only scalars: each local gradient is a single number.</p>
      ) : (
        <>
          <p className="dialog-summary">
            Each input has a local Jacobian: one row per element of the output ({describeShape(node.shape)}), one column per element of the input.
            {at > step && at >= 0 && <> The backward pass reaches this gate at step {at}; these are the numbers it will use.</>}
            {at < 0 && <> No gradient flows through this gate: it does not reach the output.</>}
          </p>
          {node.args.map((_, j) => <InputJacobian key={j} model={model} gate={gate} j={j} onInspect={onInspect} />)}
          <Upstream model={model} gate={gate} />
        </>
      )}
    </Dialog>
  );
}
