import { useEffect, useRef, useState } from 'react';
import { formatSourceNumber } from '../core/index.ts';
import { useApp } from './store-context.ts';

/** A slider range around a value, so both small tweaks and large moves are possible. Fixed while a drag lasts. */
export function rangeFor(v: number): { min: number; max: number } {
  const span = Math.max(5, Math.ceil(Math.abs(v) * 2));
  return { min: -span, max: span };
}

const stepFor = (min: number, max: number) => (max - min > 100 ? 1 : (max - min) / 1000);
/** A number as typed: digits with an optional sign, fraction and exponent, and finite (1e400 is not). */
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
export function parseTyped(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * One scalar input: a number field and a slider (and the name, which scrubs when dragged). Every change is shown at
 * once through `previewInput`; the formula is rewritten once, when the edit is committed (the pointer released, the
 * field left or Enter pressed). A field that does not hold a number is marked invalid and changes nothing.
 */
export function InputRow({ name, value, disabled }: { name: string; value: number; disabled: boolean }) {
  const preview = useApp((s) => s.previewInput);
  const commit = useApp((s) => s.commitInputs);
  const [text, setText] = useState(formatSourceNumber(value));
  const [invalid, setInvalid] = useState(false);
  const [range, setRange] = useState(() => rangeFor(value));
  const [editingRange, setEditingRange] = useState(false);
  const dragging = useRef(false);
  const scrub = useRef<{ x: number; value: number } | null>(null);
  const typing = useRef(false);

  // The value changed elsewhere (a slider, a host page, another formula): show it, unless the reader is typing here.
  useEffect(() => {
    if (!typing.current) {
      setText(formatSourceNumber(value));
      setInvalid(false);
    }
    if (!dragging.current && (value < range.min || value > range.max)) setRange(rangeFor(value));
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps

  const release = () => {
    dragging.current = false;
    scrub.current = null;
    commit();
  };

  return (
    <div className="input-row" data-testid={`inputs.row.${name}`}>
      <span
        className="input-name scrub"
        title="Drag sideways to change the value (hold Shift for fine steps)"
        onPointerDown={(e) => {
          if (disabled) return;
          scrub.current = { x: e.clientX, value };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (!scrub.current) return;
          preview(name, round(scrub.current.value + (e.clientX - scrub.current.x) * (e.shiftKey ? 0.01 : 0.05)));
        }}
        onPointerUp={() => scrub.current && release()}
        onPointerCancel={() => scrub.current && release()}
      >{name}</span>
      <input
        type="text" inputMode="decimal" spellCheck={false}
        aria-label={`value of ${name}`} aria-invalid={invalid || undefined}
        className={invalid ? 'invalid' : undefined}
        data-testid={`inputs.value.${name}`}
        disabled={disabled}
        value={text}
        title={invalid ? 'Not a number: the value stays as it was' : undefined}
        onFocus={() => (typing.current = true)}
        onChange={(e) => {
          setText(e.target.value);
          const v = parseTyped(e.target.value);
          setInvalid(v === undefined);
          if (v !== undefined) preview(name, v);
        }}
        onBlur={() => {
          typing.current = false;
          commit();
          setText(formatSourceNumber(value));
          setInvalid(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <input
        type="range"
        aria-label={`slider for ${name}`}
        data-testid={`inputs.slider.${name}`}
        min={range.min} max={range.max} step={stepFor(range.min, range.max)}
        disabled={disabled}
        value={Math.min(range.max, Math.max(range.min, value))}
        onPointerDown={() => (dragging.current = true)}
        onPointerUp={release}
        onChange={(e) => preview(name, Number(e.target.value))}
        onKeyUp={commit}
        onBlur={commit}
      />
      <button type="button" className="range-toggle" aria-expanded={editingRange} aria-label={`slider range for ${name}`} title="Edit the slider's range"
        data-testid={`inputs.range.${name}`} disabled={disabled} onClick={() => setEditingRange(!editingRange)}>⇔</button>
      {editingRange && !disabled && <RangeEditor name={name} range={range} onChange={setRange} />}
    </div>
  );
}

function RangeEditor({ name, range, onChange }: { name: string; range: { min: number; max: number }; onChange(r: { min: number; max: number }): void }) {
  const field = (end: 'min' | 'max') => (
    <label>
      {end === 'min' ? 'from' : 'to'}{' '}
      <input
        type="text" inputMode="decimal" defaultValue={String(range[end])} aria-label={`slider ${end === 'min' ? 'minimum' : 'maximum'} for ${name}`}
        data-testid={`inputs.range.${name}.${end}`}
        onBlur={(e) => {
          const v = parseTyped(e.target.value);
          const next = { ...range, [end]: v ?? range[end] };
          if (v !== undefined && next.min < next.max) onChange(next);
          else e.target.value = String(range[end]);
        }}
      />
    </label>
  );
  return <div className="range-editor">{field('min')}{field('max')}</div>;
}
