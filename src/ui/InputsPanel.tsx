import { useRef } from 'react';
import { describeShape, formatFull, smallTensor, type Engine } from '../core/index.ts';
import { useApp } from './store-context.ts';

/** A slider range around the value that grows with it, so both small tweaks and large moves are possible. */
function rangeFor(v: number): { min: number; max: number; step: number } {
  const span = Math.max(5, Math.ceil(Math.abs(v) * 2));
  return { min: -span, max: span, step: span > 50 ? 1 : 0.01 };
}

const round = (v: number) => Math.round(v * 100) / 100;

function InputRow({ name, value, disabled }: { name: string; value: number; disabled: boolean }) {
  const setInputValue = useApp((s) => s.setInputValue);
  const drag = useRef<{ x: number; value: number } | null>(null);
  const { min, max, step } = rangeFor(value);
  const set = (v: number) => Number.isFinite(v) && setInputValue(name, v);

  // Scrubbing: drag the name sideways; Shift for fine steps.
  const onPointerDown = (e: React.PointerEvent<HTMLSpanElement>) => {
    if (disabled) return;
    drag.current = { x: e.clientX, value };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLSpanElement>) => {
    if (!drag.current) return;
    const perPixel = e.shiftKey ? 0.01 : 0.05;
    set(round(drag.current.value + (e.clientX - drag.current.x) * perPixel));
  };
  const end = () => (drag.current = null);

  return (
    <div className="input-row" data-testid={`inputs.row.${name}`}>
      <span
        className="input-name scrub"
        title="Drag sideways to change the value (hold Shift for fine steps)"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={end}
        onPointerCancel={end}
      >{name}</span>
      <input
        type="number"
        aria-label={`value of ${name}`}
        data-testid={`inputs.value.${name}`}
        step="any"
        disabled={disabled}
        defaultValue={value}
        key={value}
        onBlur={(e) => set(Number(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') set(Number((e.target as HTMLInputElement).value));
          e.stopPropagation();
        }}
      />
      <input
        type="range"
        aria-label={`slider for ${name}`}
        data-testid={`inputs.slider.${name}`}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        value={value}
        onChange={(e) => set(Number(e.target.value))}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <output className="input-full" title={formatFull(value)}>{formatFull(value)}</output>
    </div>
  );
}

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
  useApp((s) => s.revision);
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
