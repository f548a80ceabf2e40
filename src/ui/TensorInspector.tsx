import {
  describeShape, formatFull, gateLabel, outputSymbol, snapshotAt, wireName, GRAD_NONE, GRAD_PARTIAL, type CircuitNode,
} from '../core/index.ts';
import type { Model } from '../state/model.ts';
import { elementIndex, extent, heatmapGrid, matrixDims } from '../render/tensor-geometry.ts';
import { Dialog } from './Dialog.tsx';
import { HeatmapCanvas } from './HeatmapCanvas.tsx';
import { ColumnTable, MatrixTable } from './MatrixTable.tsx';

interface InspectorProps {
  readonly model: Model;
  readonly step: number;
  readonly index: number;
  readonly onClose: () => void;
  readonly onLens: (gate: number) => void;
}

function origin(model: Model, node: CircuitNode, index: number): string {
  if (node.kind === 'input') return 'an input';
  if (node.kind === 'const') return 'a constant';
  return `computed by the ${gateLabel(model.circuit, index)} gate`;
}

/** Everything on one wire at the current step: its shape, its numbers and its gradient, in full. */
export function TensorInspector({ model, step, index, onClose, onLens }: InspectorProps) {
  const { circuit, tape, schedule } = model;
  const node = circuit.nodes[index] as CircuitNode;
  const name = wireName(node);
  const d = `∂${outputSymbol(circuit)}/∂${name}`;
  const snapshot = snapshotAt(tape, schedule, step);
  const o = tape.offset[index] as number;
  const len = tape.length[index] as number;
  const values = snapshot.hasValue[index] === 1 ? tape.value(index) : undefined;
  const state = snapshot.gradState[index] as number;
  const grads = state !== GRAD_NONE ? snapshot.grad.subarray(o, o + len) : undefined;
  const grid = heatmapGrid(node.shape);
  const [rows, cols] = matrixDims(node.shape);
  const at = (k: number) => `${name}${elementIndex(node.shape, k)}`;
  const stats = (v: ArrayLike<number> | undefined) => {
    if (!v) return <td colSpan={3} className="muted">not known yet at this step</td>;
    const { min, max, mean } = extent(v);
    return <><td>{formatFull(min)}</td><td>{formatFull(max)}</td><td>{formatFull(mean)}</td></>;
  };
  return (
    <Dialog title={<>Wire <code>{name}</code></>} onClose={onClose} testId="inspector">
      <p className="dialog-summary" data-testid="inspector.summary">
        <strong>{describeShape(node.shape)}</strong> · {len.toLocaleString('en-US')} {len === 1 ? 'number' : 'numbers'} · {origin(model, node, index)}
        {state === GRAD_PARTIAL && <> · its gradient so far: more branches still to add</>}
      </p>
      <table className="stats-table" data-testid="inspector.stats">
        <thead><tr><th scope="col" aria-label="quantity" /><th scope="col">min</th><th scope="col">max</th><th scope="col">mean</th></tr></thead>
        <tbody>
          <tr data-testid="inspector.stats.value"><th scope="row" className="value-text">value</th>{stats(values)}</tr>
          <tr data-testid="inspector.stats.grad"><th scope="row" className="grad-text">{d}</th>{stats(grads)}</tr>
        </tbody>
      </table>
      {len > 1 && (
        <div className="heatmaps">
          {values && <HeatmapCanvas values={values} rows={grid.rows} cols={grid.cols} name={at} label="value" testId="inspector.heatmap.value" />}
          {grads && <HeatmapCanvas values={grads} rows={grid.rows} cols={grid.cols} name={(k) => `∂${outputSymbol(circuit)}/∂${at(k)}`} label={d} testId="inspector.heatmap.grad" />}
        </div>
      )}
      {node.shape.length === 2 ? (
        <div className="matrix-tables">
          {values && <MatrixTable values={values} rows={rows} cols={cols} caption={`${name}, value`} testId="inspector.values" />}
          {grads && <MatrixTable values={grads} rows={rows} cols={cols} caption={d} testId="inspector.grads" />}
        </div>
      ) : (
        <ColumnTable
          count={len} index={(k) => (node.shape.length ? `[${k}]` : name)} caption={`${name}, element by element`} testId="inspector.table"
          columns={[{ header: 'value', values }, { header: d, values: grads }]}
        />
      )}
      {node.kind === 'gate' && (
        <p className="dialog-actions">
          <button type="button" onClick={() => onLens(index)} data-testid="inspector.lens">
            Jacobian lens of its {gateLabel(circuit, index)} gate
          </button>
        </p>
      )}
    </Dialog>
  );
}
