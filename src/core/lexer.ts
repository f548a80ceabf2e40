import { LineMap, type SourceError, type Span, errorAt } from './position.ts';
import { describeCharacter } from './unicode/hidden.ts';
import { latinLookalike } from './unicode/names.ts';

export type TokenKind = 'number' | 'name' | 'op' | 'sep' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The text as typed; '**' is normalised to '^'. Separators carry ';' or '\n' (never a line break inside '[ ]'). */
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

const OPERATORS = new Set(['+', '-', '*', '/', '^', '@', '(', ')', '[', ']', ',', '=', '.']);
const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNamePart = (c: string) => isNameStart(c) || isDigit(c);

/** A mistake found while reading characters; the parser turns it into its result. */
export class LexError {
  constructor(readonly error: SourceError) {}
}

/**
 * Reads tokens one at a time, as the parser asks for them: a token is garbage as soon as the parser is done with it,
 * which keeps large sources cheap. Lines are counted as the scan goes, so a span costs no search.
 */
export class Lexer {
  private i = 0;
  private line = 1;
  private lineStart = 0;
  /** How many '[' are open: inside one a line break is a space, so a matrix can be written a row a line. */
  private brackets = 0;

  constructor(private readonly source: string, private readonly lines = new LineMap(source)) {}

  /** The next token; an 'end' token once the source is used up; throws LexError at a character that cannot start one. */
  next(): Token {
    const { source } = this;
    while (this.i < source.length) {
      const i = this.i;
      const c = source[i] as string;
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '#') while (this.i < source.length && source[this.i] !== '\n' && source[this.i] !== '\r') this.i++;
      else if (c === '\n' || c === '\r') {
        // A lone '\r' ends a line as '\n' and '\r\n' do.
        const length = c === '\r' && source[i + 1] === '\n' ? 2 : 1;
        if (this.brackets > 0) {
          this.i += length;
          this.newLine();
          continue;
        }
        // NOTE: a \r\n line break is one separator at the \r, so an error at the end of a line points just after its last visible character.
        const separator = this.token('sep', '\n', i, length);
        this.newLine();
        return separator;
      } else if (c === ';') return this.token('sep', c, i, 1);
      else if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) return this.number(i);
      else if (isNameStart(c)) {
        let end = i + 1;
        while (end < source.length && isNamePart(source[end] as string)) end++;
        return this.token('name', source.slice(i, end), i, end - i);
      } else if (c === '*' && source[i + 1] === '*') return this.token('op', '^', i, 2);
      else if (OPERATORS.has(c)) {
        // A ']' without a '[' is the parser's to report; the count just stays at zero.
        if (c === '[') this.brackets++;
        else if (c === ']' && this.brackets > 0) this.brackets--;
        return this.token('op', c, i, 1);
      } else {
        const cp = source.codePointAt(i) ?? 0;
        const shown = cp < 0x80 ? `'${c}'` : describeCharacter(cp);
        const expected = latinLookalike(cp) ? 'names are written with ASCII letters, digits and _' : 'expected a number, a name, an operator, or a separator';
        throw new LexError(errorAt(this.lines.span(i, cp > 0xffff ? 2 : 1), `unexpected character ${shown}: ${expected}`));
      }
    }
    return this.token('end', '', source.length, 0);
  }

  private token(kind: TokenKind, text: string, start: number, length: number, value = NaN): Token {
    this.i = start + length;
    return { kind, text, value, span: { offset: start, line: this.line, column: start - this.lineStart + 1, length } };
  }

  /** Called with `i` just past a line break. */
  private newLine(): void {
    this.line++;
    this.lineStart = this.i;
  }

  private number(start: number): Token {
    const { source } = this;
    const end = scanNumber(source, start);
    const text = source.slice(start, end);
    const last = text[text.length - 1] as string;
    if (source[end] === '.' || !(isDigit(last) || last === '.')) throw new LexError(malformedNumber(source, start, this.lines));
    if (end < source.length && isNamePart(source[end] as string)) {
      const name = /^[A-Za-z0-9_]*/.exec(source.slice(end, end + 100))?.[0] ?? '';
      const hint = isNameStart(name[0] ?? '') ? `to multiply, write ${text}*${name}` : undefined;
      throw new LexError(malformedNumber(source, start, this.lines, hint));
    }
    return this.token('number', text, start, end - start, Number(text));
  }
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
