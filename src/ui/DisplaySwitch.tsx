import type { Display } from '../state/store.ts';
import { CircuitPanel } from './CircuitPanel.tsx';
import { StepAnnouncer } from './StepAnnouncer.tsx';
import { useApp } from './store-context.ts';
import { WireTable } from './WireTable.tsx';
import './wires.css';

const CHOICES: readonly { display: Display; label: string; title: string }[] = [
  { display: 'circuit', label: 'Circuit', title: 'The circuit, drawn' },
  { display: 'table', label: 'Table', title: 'Every wire as a row of a table: its expression, value and gradient' },
];

/** `Circuit | Table`: two buttons, one pressed; Tab reaches them, Enter or Space presses. */
export function DisplaySwitch() {
  const display = useApp((s) => s.display);
  const setDisplay = useApp((s) => s.setDisplay);
  return (
    <div className="display-switch" role="group" aria-label="Show the circuit as" data-testid="display">
      {CHOICES.map((c) => (
        <button
          key={c.display} type="button" aria-pressed={display === c.display} title={c.title} data-testid={`display.${c.display}`}
          onClick={() => setDisplay(c.display)}
        >{c.label}</button>
      ))}
    </div>
  );
}

/** The circuit drawn or as a table of wires, as the switch says. */
export function CircuitOrTable() {
  const display = useApp((s) => s.display);
  // The table, like the drawing, says each step in the live region (the drawing holds its own).
  return display === 'table' ? <><WireTable /><StepAnnouncer /></> : <CircuitPanel />;
}
