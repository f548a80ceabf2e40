import { memo } from 'react';
import type { StepCells, WireCell } from '../render/wire-cells.ts';
import { tensorDialog } from './tensor-dialog.ts';

interface WireRowProps {
  /** The row's place in the rows shown (0-based); aria-rowindex counts the header as row 1. */
  readonly k: number;
  readonly node: number;
  readonly id: string;
  readonly name: string;
  readonly expression: string;
  readonly cells: StepCells;
  readonly tensor: boolean;
  readonly current: boolean;
  readonly tabbable: boolean;
  readonly onJump: (node: number) => void;
  readonly onFocus: (k: number) => void;
}

/** A number cell: the drawing's text, or a dash that says it is not computed yet, or the quiz's `?`. */
function NumberCell({ cell, kind }: { cell: WireCell; kind: 'value' | 'grad' }) {
  if (cell.state === 'pending') {
    return <td className={`wires-num ${kind} pending`} data-state="pending"><span aria-hidden="true">—</span><span className="visually-hidden">not yet computed</span></td>;
  }
  if (cell.state === 'asked') {
    return <td className={`wires-num ${kind} question`} data-state="asked" title={cell.full}>?<span className="visually-hidden"> (the quiz asks for it)</span></td>;
  }
  return <td className={`wires-num ${kind}${cell.text.endsWith('…') && kind === 'grad' ? ' partial' : ''}`} data-state="known" title={cell.full}>{cell.text}</td>;
}

export const WireRow = memo(function WireRow({ k, node, id, name, expression, cells, tensor, current, tabbable, onJump, onFocus }: WireRowProps) {
  const value = cells.value(node);
  const shape = tensor ? cells.shape(node) : '';
  return (
    <tr
      data-k={k} data-id={id} aria-rowindex={k + 2} aria-current={current ? 'step' : undefined} tabIndex={tabbable ? 0 : -1}
      className={current ? 'current' : undefined} onClick={() => onJump(node)} onFocus={() => onFocus(k)}
    >
      <th scope="row" className="wires-name">{current && <span className="wires-here" aria-hidden="true">▶ </span>}{name}</th>
      <td className="wires-expr" title={expression}>{expression}</td>
      {tensor && (
        <td className="wires-shape">
          {shape || 'scalar'}
          {shape && shape !== '?' && value.state === 'known' && (
            <button type="button" tabIndex={tabbable ? 0 : -1} className="wires-inspect" aria-label={`Inspect every number of ${name}`} title="Every number, in the inspector"
              onClick={(e) => { e.stopPropagation(); tensorDialog.getState().show('inspector', id); }}>⋯</button>
          )}
        </td>
      )}
      <NumberCell cell={value} kind="value" />
      <NumberCell cell={cells.grad(node)} kind="grad" />
    </tr>
  );
});
