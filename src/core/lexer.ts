import { LineMap, type SourceError, type Span, errorAt } from './position.ts';

export type TokenKind = 'number' | 'name' | 'op' | 'sep' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The text as typed; '**' is normalised to '^'. Separators carry ';' or '\n'. */
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

const OPERATORS = new Set(['+', '-', '*', '/', '^', '(', ')', ',', '=']);
const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNamePart = (c: string) => isNameStart(c) || isDigit(c);

/** Splits the source into tokens, or stops at the first character that cannot start one. */
export function tokenize(source: string, lines = new LineMap(source)): { tokens: Token[]; error?: SourceError } {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string, start: number, value = NaN) =>
    tokens.push({ kind, text, value, span: lines.span(start, text.length) });
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#') while (i < source.length && source[i] !== '\n') i++;
    else if (c === '\n' || c === ';') push('sep', c, i++);
    else if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      const end = scanNumber(source, i);
      const text = source.slice(i, end);
      if (source[end] === '.' || /[eE][+-]?$/.test(text)) return { tokens, error: malformedNumber(source, i, lines) };
      if (end < source.length && isNamePart(source[end] as string)) {
        const name = /^[A-Za-z0-9_]*/.exec(source.slice(end))?.[0] ?? '';
        const hint = isNameStart(name[0] ?? '') ? `to multiply, write ${text}*${name}` : undefined;
        return { tokens, error: malformedNumber(source, i, lines, hint) };
      }
      push('number', text, i, Number(text));
      i = end;
    } else if (isNameStart(c)) {
      let end = i + 1;
      while (end < source.length && isNamePart(source[end] as string)) end++;
      push('name', source.slice(i, end), i);
      i = end;
    } else if (c === '*' && source[i + 1] === '*') {
      tokens.push({ kind: 'op', text: '^', value: NaN, span: lines.span(i, 2) });
      i += 2;
    } else if (OPERATORS.has(c)) push('op', c, i++);
    else {
      const shown = String.fromCodePoint(source.codePointAt(i) ?? 0);
      return { tokens, error: errorAt(lines.span(i, shown.length), `unexpected character '${shown}': expected a number, a name, an operator, or a separator`) };
    }
  }
  tokens.push({ kind: 'end', text: '', value: NaN, span: lines.span(source.length, 0) });
  return { tokens };
}

/** Digits with an optional fraction and exponent; may end early on an incomplete exponent, which the caller rejects. */
function scanNumber(source: string, start: number): number {
  let i = start;
  while (isDigit(source[i] ?? '')) i++;
  if (source[i] === '.') {
    i++;
    while (isDigit(source[i] ?? '')) i++;
  }
  if (source[i] === 'e' || source[i] === 'E') {
    let j = i + 1;
    if (source[j] === '+' || source[j] === '-') j++;
    if (isDigit(source[j] ?? '')) {
      while (isDigit(source[j] ?? '')) j++;
      return j;
    }
    return j; // incomplete exponent such as `1e` or `1e+`
  }
  return i;
}

function malformedNumber(source: string, start: number, lines: LineMap, hint?: string): SourceError {
  let end = start;
  while (end < source.length && (isNamePart(source[end] as string) || source[end] === '.' ||
    ((source[end] === '+' || source[end] === '-') && /[eE]/.test(source[end - 1] ?? '') && isDigit(source[start] ?? '')))) end++;
  const text = source.slice(start, end);
  const expected = 'expected a number such as 12, 1.5, .5, 3. or 1e-3';
  return errorAt(lines.span(start, end - start), `malformed number '${text}': ${expected}${hint ? ` (${hint})` : ''}`);
}
