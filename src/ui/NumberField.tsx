import { useState } from 'react';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  /** The number typed, or undefined with the reason it is not acceptable. */
  readonly read: (text: string) => number | undefined;
  readonly onValue: (value: number) => void;
  readonly onValidity?: (valid: boolean) => void;
  readonly testId: string;
  readonly title?: string;
}

/** A short text field for one number: the value is taken as soon as it reads as one; otherwise the field is marked. */
export function NumberField({ label, value, read, onValue, onValidity, testId, title }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // A value changed elsewhere (a reset) replaces the text, unless the text already reads as it.
  if (shown !== value) {
    setShown(value);
    if (read(text) !== value) setText(String(value));
  }
  const valid = read(text) !== undefined;
  return (
    <label className="number-field" title={title}>
      <span>{label}</span>
      <input
        type="text" inputMode="decimal" value={text} aria-invalid={!valid} className={valid ? undefined : 'invalid'} data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const v = read(e.target.value);
          onValidity?.(v !== undefined);
          if (v !== undefined) {
            setShown(v);
            onValue(v);
          }
        }}
      />
    </label>
  );
}
