/** A place in the source: 1-based line and column of its first character, and its length in characters. */
export interface Span {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

/** A mistake in what the user typed: data to show, never an exception. */
export interface SourceError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

export function errorAt(span: Span, message: string): SourceError {
  return { message, line: span.line, column: span.column, length: Math.max(1, span.length) };
}

/** Tracks where each line starts so that any offset can become a line and column. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(source: string) {
    // '\n', '\r\n' and a lone '\r' each end a line.
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  span(offset: number, length: number): Span {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1, length };
  }
}

/** Every line break as '\n': what a text field holds anyway, so the app's text and the editor's agree on lines. */
export const normalizeLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

/** Programmer errors throw; this marks a switch that must cover every case. */
export function assertUnreachable(x: never): never {
  throw new Error(`unreachable: ${JSON.stringify(x)}`);
}
