import { useRef } from 'react';
import { formatFull } from '../core/index.ts';
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

export function InputsPanel() {
  const model = useApp((s) => s.model);
  const hasError = useApp((s) => s.error !== null);
  useApp((s) => s.revision);
  if (!model) return null;
  const { circuit, tape } = model;
  return (
    <section className="panel inputs" aria-label="Inputs">
      <h2 className="panel-title">Inputs</h2>
      {circuit.inputs.length === 0 && <p className="hint">This formula has no inputs.</p>}
      {circuit.inputs.map((i) => (
        <InputRow key={circuit.nodes[i]?.id} name={circuit.nodes[i]?.names[0] as string} value={tape.values[i] as number} disabled={hasError} />
      ))}
      {hasError && <p className="hint">Fix the formula to edit the values again.</p>}
    </section>
  );
}
