import { describeShape, formatFull, smallTensor, type Engine } from '../core/index.ts';
import { InputRow } from './InputRow.tsx';
import { useApp } from './store-context.ts';

/** A vector or matrix input: its shape and numbers (or their range), edited in the formula itself. */
function TensorInputRow({ tape, index }: { tape: Engine; index: number }) {
  const node = tape.circuit.nodes[index];
  const values = tape.value(index);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const shape = node?.shape ?? [];
  return (
    <div className="input-row tensor" data-testid={`inputs.row.${node?.names[0]}`}>
      <span className="input-name">{node?.names[0]}</span>
      <span className="input-shape">{describeShape(shape)}</span>
      <output className="input-full">{smallTensor(values, shape) ?? `${formatFull(min)} … ${formatFull(max)}`}</output>
    </div>
  );
}

/** An element of a tensor input shown as scalars: read here, edited as part of its tensor. */
function ElementRow({ name, value }: { name: string; value: number }) {
  return (
    <div className="input-row element" data-testid={`inputs.row.${name}`}>
      <span className="input-name">{name}</span>
      <output className="input-full">{formatFull(value)}</output>
    </div>
  );
}

/** `readOnly`: an embed's `readonly=1`, where the values are shown but only the host page may change them. */
export function InputsPanel({ readOnly = false }: { readOnly?: boolean }) {
  const model = useApp((s) => s.model);
  const hasError = useApp((s) => s.error !== null);
  if (!model) return null;
  const { circuit, tape } = model;
  return (
    <section className="panel inputs" aria-label="Inputs">
      <h2 className="panel-title">Inputs</h2>
      {circuit.inputs.length === 0 && <p className="hint">This formula has no inputs.</p>}
      {circuit.inputs.map((i) => {
        const node = circuit.nodes[i];
        const name = node?.names[0] as string;
        const value = tape.values[tape.offset[i] as number] as number;
        if (node?.shape.length) return <TensorInputRow key={node.id} tape={tape} index={i} />;
        if (node?.group !== undefined) return <ElementRow key={node.id} name={name} value={value} />;
        return <InputRow key={node?.id} name={name} value={value} disabled={hasError || readOnly} />;
      })}
      {circuit.tensor && <p className="hint">A vector's or matrix's numbers are edited in the formula; click its wire to see them all.</p>}
      {model.compiled.tensor && !circuit.tensor && <p className="hint">Shown as scalars: switch off “As scalars” to edit the formula's tensors.</p>}
      {hasError && <p className="hint">Fix the formula to edit the values again.</p>}
      {readOnly && <p className="hint" data-testid="inputs.read-only">Read-only here: these values are set by the page.</p>}
    </section>
  );
}
