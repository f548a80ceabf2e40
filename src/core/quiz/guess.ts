import type { Shape } from '../tensor/shape.ts';
import { describeCharacter, findHidden, HIDDEN_REASON } from '../unicode/hidden.ts';

/** What a question asks for: a number (a value or a gradient), a tensor wire's shape, or a Jacobian's rows × columns. */
export type QuizKind = 'value' | 'grad' | 'shape' | 'jacobian';
export type Verdict = 'right' | 'wrong' | 'revealed';

export type ParsedGuess =
  | { readonly ok: true; readonly number: number }
  | { readonly ok: true; readonly shape: Shape }
  | { readonly ok: false; readonly message: string };

/** A number guess is right within 1% of the answer or 0.005, whichever is larger: the two decimals on a wire always pass. */
export const TOLERANCE = { relative: 0.01, absolute: 0.005 } as const;
export const TOLERANCE_TEXT = 'within 1% or 0.005';
/** Room for the binary rounding of a difference such as 0.13 − 0.125, so a value rounded to two decimals is right. */
const SLACK = 1e-12;
export const MAX_GUESS_LENGTH = 64;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;
const SPECIAL: Record<string, number> = { 'inf': Infinity, '+inf': Infinity, '-inf': -Infinity, 'infinity': Infinity, '-infinity': -Infinity, '∞': Infinity, '+∞': Infinity, '-∞': -Infinity, 'nan': NaN };
const NUMBER_HINT = 'type a number such as -4, 0.2, 1e-3 or 1/3';
const SHAPE_HINT = 'type a shape such as 2, 2x3 or (2, 3)';
const JACOBIAN_HINT = 'type rows × columns, such as 10x3';

/** Typographic minus signs and dashes count as `-`; spaces are ignored; case does not matter. */
const normalise = (text: string) => text.trim().toLowerCase().replace(/[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g, '-').replace(/\s+/g, '');

function readNumber(text: string): number | undefined {
  if (Object.hasOwn(SPECIAL, text)) return SPECIAL[text];
  return NUMBER.test(text) ? Number(text) : undefined;
}

export function parseNumberGuess(raw: string): ParsedGuess {
  const text = normalise(raw);
  if (text === '') return { ok: false, message: `Nothing typed yet: ${NUMBER_HINT}.` };
  if (text.length > MAX_GUESS_LENGTH) return { ok: false, message: `That is too long: ${NUMBER_HINT}.` };
  if (text.includes(',')) return { ok: false, message: 'Write decimals with a point, as in 0.5 (no commas).' };
  const single = readNumber(text);
  if (single !== undefined) return { ok: true, number: single };
  const fraction = /^([^/]+)\/([^/]+)$/.exec(text);
  const [p, q] = fraction ? [readNumber(fraction[1] as string), readNumber(fraction[2] as string)] : [undefined, undefined];
  if (p !== undefined && q !== undefined && Number.isFinite(p) && Number.isFinite(q) && q !== 0) return { ok: true, number: p / q };
  return { ok: false, message: `That is not a number: ${NUMBER_HINT}.` };
}

/** `2`, `2x3`, `2×3`, `2*3`, `2 by 3`, `(2, 3)`, `[2, 3]`, `(2,)`, and `4,096×4,096` with thousands separators. */
export function parseShapeGuess(raw: string, kind: 'shape' | 'jacobian' = 'shape'): ParsedGuess {
  const hint = kind === 'jacobian' ? JACOBIAN_HINT : SHAPE_HINT;
  let text = normalise(raw);
  if (text === '') return { ok: false, message: `Nothing typed yet: ${hint}.` };
  if (text.length > MAX_GUESS_LENGTH) return { ok: false, message: `That is too long: ${hint}.` };
  if (text === 'scalar' || text === '()' || text === '[]') return { ok: true, shape: [] };
  if (/^\(.*\)$|^\[.*\]$/.test(text)) text = text.slice(1, -1);
  // A comma between a digit and exactly three more is a thousands separator only where another sign separates the sizes.
  if (/[x×*]|by/.test(text)) text = text.replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  if (/^\d+,$/.test(text)) text = text.slice(0, -1); // NumPy's (2,)
  const parts = text.split(/x|×|\*|by|,/);
  if (parts.length > 2) return { ok: false, message: 'Wires here carry at most matrices: give one or two sizes.' };
  if (!parts.every((p) => /^\d{1,9}$/.test(p) && Number(p) > 0)) return { ok: false, message: `That is not a shape: ${hint}.` };
  return { ok: true, shape: parts.map(Number) };
}

export function parseGuess(kind: QuizKind, raw: string): ParsedGuess {
  const hidden = findHidden(raw);
  if (hidden) return { ok: false, message: `That holds ${describeCharacter(hidden.codePoint)}, ${HIDDEN_REASON[hidden.kind]}: type the answer without it.` };
  return kind === 'shape' || kind === 'jacobian' ? parseShapeGuess(raw, kind) : parseNumberGuess(raw);
}

export function closeEnough(guess: number, answer: number): boolean {
  if (Number.isNaN(answer)) return Number.isNaN(guess);
  if (!Number.isFinite(answer) || !Number.isFinite(guess)) return guess === answer;
  return Math.abs(guess - answer) <= Math.max(TOLERANCE.absolute, TOLERANCE.relative * Math.abs(answer)) + SLACK;
}

export function judge(answer: number | Shape, guess: ParsedGuess): 'right' | 'wrong' {
  if (!guess.ok) return 'wrong';
  if (typeof answer === 'number') return 'number' in guess && closeEnough(guess.number, answer) ? 'right' : 'wrong';
  return 'shape' in guess && guess.shape.length === answer.length && guess.shape.every((d, i) => d === answer[i]) ? 'right' : 'wrong';
}
