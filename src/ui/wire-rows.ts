import { gateFormula, toText, type Circuit, type Schedule } from '../core/index.ts';

const SUBSCRIPT_DIGITS = /[₀-₉]/g;

/** Lower case, subscripts as digits, no spaces: `f₁` is found by `f1`, `q = x + y` by `x+y`. */
export function searchKey(text: string): string {
  return text.replace(SUBSCRIPT_DIGITS, (d) => String(d.charCodeAt(0) - 0x2080)).replace(/\s+/g, '').toLowerCase();
}

/** The rows' texts of one circuit, each made on first use and kept, so a table of 250,000 wires costs what it shows. */
export class WireTexts {
  private readonly expressions: (string | undefined)[];
  private readonly keys: (string | undefined)[];

  constructor(readonly circuit: Circuit, readonly names: readonly string[]) {
    this.expressions = new Array(names.length);
    this.keys = new Array(names.length);
  }

  get count(): number {
    return this.names.length;
  }

  /** `q = x + y` for a gate; `input` or `constant` otherwise. */
  expression(i: number): string {
    let e = this.expressions[i];
    if (e === undefined) {
      const kind = this.circuit.nodes[i]?.kind;
      e = kind === 'gate' ? toText(gateFormula(this.circuit, i, (k) => this.names[k] ?? '')) : kind === 'input' ? 'input' : 'constant';
      this.expressions[i] = e;
    }
    return e;
  }

  /** Whether the wire's name or expression contains the query (already passed through `searchKey`). */
  matches(i: number, key: string): boolean {
    let k = this.keys[i];
    if (k === undefined) {
      k = `${searchKey(this.names[i] ?? '')}\n${searchKey(this.expression(i))}`;
      this.keys[i] = k;
    }
    return k.includes(key);
  }
}

/**
 * Filters rows `from`…`to` (exclusive) into `into`, returning where it stopped: the caller runs it in slices so a
 * search through a quarter of a million wires never blocks the page.
 */
export function filterSlice(texts: WireTexts, key: string, from: number, to: number, into: number[]): number {
  const end = Math.min(to, texts.count);
  for (let i = from; i < end; i++) if (texts.matches(i, key)) into.push(i);
  return end;
}

/**
 * The step a row leads to: a gate's forward step, or once the backward pass has begun its backward step (as a click
 * on the gate does); for an input or constant, step 0 before the backward pass and the step that completes its
 * gradient after it (the last of its branches to report).
 */
export function stepOfWire(circuit: Circuit, schedule: Schedule, current: number, node: number): number {
  const backward = current >= schedule.seedStep;
  if (circuit.nodes[node]?.kind === 'gate') {
    const back = schedule.stepOf('backward', node);
    return backward && back >= 0 ? back : schedule.stepOf('forward', node);
  }
  if (!backward) return 0;
  if (node === circuit.output) return schedule.seedStep;
  let step = -1;
  for (const c of circuit.consumers[node] ?? []) step = Math.max(step, schedule.backwardStep[c] ?? -1);
  return step >= 0 ? step : schedule.last;
}

/** Where `node` sits in an ascending list of node indices, or -1. */
export function indexIn(sorted: readonly number[], node: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === node) return mid;
    if (v < node) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
