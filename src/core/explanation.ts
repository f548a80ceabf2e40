import { BREAK, line, lineRows, textLatex, toLatex, toText, type Expr, type Line } from './math/index.ts';
import type { TensorBackwardTerm } from './tensor/explain-tensor.ts';

/** A backward term as maths: `∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4   (local: ∂q/∂x = 1)`, and where it adds up. */
export interface TermMath {
  readonly chain: Line;
  /** Present when the wire feeds several gates. */
  readonly branch?: Line;
}

/** One input of a gate during its backward step: `downstream = local × upstream`, and where it adds up. */
export interface BackwardTerm {
  readonly node: number;
  readonly name: string;
  readonly local: number;
  /** The local gradient as text, e.g. `z`. */
  readonly localFormula: string;
  readonly downstream: number;
  /** The input's gradient before and after this contribution is added. */
  readonly before: number;
  readonly after: number;
  /** How many branches of this wire have reported, counting this one, out of how many. */
  readonly received: number;
  readonly branches: number;
  /** The chain rule and, where the wire fans out, how this share adds up: the text of `termLine(math)`. */
  readonly text: string;
  readonly math: TermMath & { readonly local: Expr };
}

/**
 * A step's explanation as data: `math` holds its lines as maths and prose; `lines` is their text, as the panel prints
 * it. A backward step's `math[0]` is the upstream gradient and each term follows, with its branch on a second row.
 * Every string field beside a `math` one is derived from it with `toText`.
 */
export type StepExplanation = Explained<
  | { readonly phase: 'start'; readonly title: string }
  | { readonly phase: 'forward'; readonly node: number; readonly reads: readonly number[]; readonly title: string }
  | { readonly phase: 'seed'; readonly node: number; readonly title: string }
  | {
      readonly phase: 'backward'; readonly node: number; readonly reads: readonly number[]; readonly title: string;
      readonly upstream: number; readonly terms: readonly BackwardTerm[]; readonly pattern: string;
    }
  | {
      readonly phase: 'tensor-backward'; readonly node: number; readonly reads: readonly number[]; readonly title: string;
      readonly terms: readonly TensorBackwardTerm[]; readonly pattern: string;
    }
>;
type Explained<T> = T extends unknown ? T & { readonly math: readonly Line[]; readonly lines: readonly string[] } : never;

/** Attaches the lines' text, derived from their maths so the two never disagree. */
export function explained<T extends { phase: string }>(fields: T, math: readonly Line[]): T & { math: readonly Line[]; lines: readonly string[] } {
  return { ...fields, math, lines: math.map(toText) };
}

/** A term's line with its branch, if any, on the next row. */
export const termLine = (t: TermMath): Line => (t.branch ? line(t.chain, BREAK, t.branch) : t.chain);


const proseOf = (e: StepExplanation) => ('pattern' in e && e.pattern ? [e.pattern] : []);

/** The whole step as text, one string per line: its title, its lines (maths written out) and the gate's pattern. */
export function explanationText(e: StepExplanation): string[] {
  return [e.title, ...e.lines, ...proseOf(e)];
}

/** The whole step as LaTeX, one row of an `aligned` environment per line: title, maths, and the pattern in words. */
export function explanationLatex(e: StepExplanation): string {
  const rows = [textLatex(e.title), ...e.math.flatMap(lineRows).map(toLatex), ...proseOf(e).map(textLatex)];
  return `\\begin{aligned}\n${rows.map((r) => `&${r}`).join(' \\\\\n')}\n\\end{aligned}`;
}
