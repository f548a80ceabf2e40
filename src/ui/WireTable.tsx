import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { outputSymbol, snapshotAt, wireName } from '../core/index.ts';
import { StepCells } from '../render/wire-cells.ts';
import { hiddenLabels } from '../state/quiz-selectors.ts';
import { useSliceFilter } from './use-slice-filter.ts';
import { useVirtualRows } from './use-virtual-rows.ts';
import { MAX_WINDOW } from './virtual-window.ts';
import { WireRow } from './WireRow.tsx';
import { indexIn, stepOfWire, WireTexts } from './wire-rows.ts';
import { useApp, useAppStore } from './store-context.ts';
import { TensorDialogs } from './TensorDialogs.tsx';
import './wires.css';

/**
 * Every wire of the circuit shown, one row each: its name, the gate that computes it (`q = x + y`), its shape on a
 * tensor circuit, and its value and gradient as known at the current step, by the drawing's rules (`—` not yet
 * computed, `?` while the quiz asks). The current step's wire is marked and kept in view; Enter or a click on a row
 * goes to that wire's step; ↑/↓ move between rows. A search field filters by name or expression. Only the rows in
 * view are in the page, so a quarter of a million wires scroll smoothly.
 *
 * Props: none needed; it reads the circuit, the step and the quiz from the app's store, and renders the tensor
 * inspector itself (so do not mount it beside a `CircuitPanel`, which does too). It fills its parent's height:
 * `className` is added to its section, for the layout to size it.
 */
/**
 * Rows are keyed by their slot in the window, not by wire: scrolling rewrites the texts of rows already in the page
 * instead of removing and creating elements, which at a quarter of a million rows is what keeps a frame short.
 */
const ROW_SLOTS = MAX_WINDOW;

export function WireTable({ className }: { readonly className?: string }) {
  const store = useAppStore();
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  const revision = useApp((s) => s.revision);
  const quizAnswers = useApp((s) => (s.quiz ? s.quizAnswers : null));
  const goTo = useApp((s) => s.goTo);
  const circuit = model?.circuit;
  const names = useMemo(() => circuit?.nodes.map(wireName) ?? [], [circuit]);
  const texts = useMemo(() => (circuit ? new WireTexts(circuit, names) : null), [circuit, names]);
  const cells = useMemo(() => {
    if (!model) return null;
    void revision;
    void quizAnswers;
    return new StepCells(model.tape, snapshotAt(model.tape, model.schedule, step), names, hiddenLabels(store.getState()));
  }, [model, step, revision, quizAnswers, names, store]);

  const [query, setQuery] = useState('');
  const search = useSliceFilter(texts, query);
  const count = search.rows ? search.rows.length : texts?.count ?? 0;
  const nodeAt = (k: number) => (search.rows ? (search.rows[k] as number) : k);

  const theme = useApp((s) => s.theme);
  const { box: scroller, view, rowHeight, onScroll, scrollToRow } = useVirtualRows(count, `${theme}:${circuit?.tensor ?? false}`);
  const [active, setActive] = useState(-1);
  const focusActive = useRef(false);

  const current = model ? model.schedule.step(step).node : -1;
  const currentRow = current < 0 ? -1 : search.rows ? indexIn(search.rows, current) : current;

  // Stepping brings the current wire into view, unless it already is; a search or a new row height does not.
  useLayoutEffect(() => {
    if (currentRow >= 0) scrollToRow(currentRow);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, model]);

  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    scroller.current?.querySelector<HTMLElement>(`tr[data-k="${active}"]`)?.focus();
  });

  const jump = useCallback((node: number) => {
    const { model: m, step: now } = store.getState();
    if (m) goTo(stepOfWire(m.circuit, m.schedule, now, node));
  }, [store, goTo]);

  if (!model || !texts || !cells || !circuit) return null;
  const { schedule } = model;
  const tensor = circuit.tensor;
  const columns = tensor ? 5 : 4;
  const f = outputSymbol(circuit);
  const tabbable = active >= view.start && active < view.end ? active : currentRow >= view.start && currentRow < view.end ? currentRow : view.start;

  const moveTo = (k: number) => {
    const target = Math.max(0, Math.min(count - 1, k));
    scrollToRow(target);
    focusActive.current = true;
    setActive(target);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const k = Number((e.target as HTMLElement).closest('tr')?.dataset.k ?? NaN);
    if (!Number.isInteger(k) || (e.target as HTMLElement).tagName === 'BUTTON') return;
    if (e.key === 'Enter') jump(nodeAt(k));
    else if (e.key === 'ArrowDown' && !e.shiftKey) moveTo(k + 1);
    else if (e.key === 'ArrowUp' && !e.shiftKey) moveTo(k - 1);
    else return;
    e.preventDefault();
  };

  const rows = [];
  for (let k = view.start; k < Math.min(view.end, count); k++) {
    const i = nodeAt(k);
    rows.push(
      <WireRow
        key={k % ROW_SLOTS} k={k} node={i} name={names[i] ?? ''} expression={texts.expression(i)} cells={cells} tensor={tensor} current={i === current}
        tabbable={k === tabbable} onJump={jump} onFocus={setActive} id={circuit.nodes[i]?.id ?? ''}
      />,
    );
  }
  const shown = Math.min(view.end, count);
  const above = view.start * rowHeight;
  const below = Math.max(0, (count - shown) * rowHeight);

  return (
    <section className={`panel wires${className ? ` ${className}` : ''}`} aria-label="Table of wires" data-testid="wires">
      <div className="wires-bar">
        <label className="wires-search">
          <span>Find a wire</span>
          <input
            type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="name or expression, e.g. q or x + y"
            spellCheck={false} autoComplete="off" data-testid="wires.search" aria-describedby="wires-count"
          />
        </label>
        <p id="wires-count" className="wires-count" role="status" data-testid="wires.count">
          {search.busy ? 'Searching…' : `${count.toLocaleString('en-US')} of ${texts.count.toLocaleString('en-US')} wires`}
        </p>
      </div>
      <div className="wires-scroll" ref={scroller} onScroll={onScroll} data-testid="wires.scroll">
        <table className="wires-table" aria-rowcount={count + 1} data-testid="wires.table">
          <caption className="visually-hidden">
            Every wire of the circuit computing {circuit.outputName}, at step {step} of {schedule.last}. Enter or click a row to go to its step.
          </caption>
          <colgroup>
            <col className="col-name" /><col className="col-expr" />{tensor && <col className="col-shape" />}<col className="col-num" /><col className="col-num" />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Wire</th>
              <th scope="col">Computed <span className="wide-word">as</span></th>
              {tensor && <th scope="col">Shape</th>}
              <th scope="col" className="value-text">Value</th>
              <th scope="col" className="grad-text"><span className="wide-word">Gradient </span>∂{f}/∂·</th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {above > 0 && <tr className="wires-spacer" aria-hidden="true"><td colSpan={columns} style={{ height: above }} /></tr>}
            {rows}
            {below > 0 && <tr className="wires-spacer" aria-hidden="true"><td colSpan={columns} style={{ height: below }} /></tr>}
          </tbody>
        </table>
        {count === 0 && !search.busy && <p className="wires-none" data-testid="wires.none">No wire’s name or expression contains “{query}”.</p>}
      </div>
      <TensorDialogs />
    </section>
  );
}
