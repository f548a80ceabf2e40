import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { parse } from './parser.ts';
import { parseDeck } from './deck/index.ts';
import { parseGuess } from './quiz/index.ts';
import { escapeHidden, findHidden } from './unicode/hidden.ts';

/** What must never reach a message: controls (tab and line breaks aside), format characters, lone surrogates. */
// eslint-disable-next-line no-control-regex, no-misleading-character-class -- these are the characters looked for
const RAW_HIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\p{Cs}\u2028\u2029\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

const BIDI = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c, 0x200e, 0x200f];
const INVISIBLE = [0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x00ad, 0xfe0f, 0xe0100, 0xe0001, 0xe0041, 0xe007f];
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => i).filter((c) => c !== 9 && c !== 10 && c !== 13), 0x7f, 0x80, 0x85, 0x9f];
const EVERY_REJECTED = [...BIDI, ...INVISIBLE, ...CONTROLS];
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function errorOf(source: string) {
  const result = evaluate(source);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(source)}`);
  return result.error;
}

describe('bidirectional controls and invisible characters', () => {
  it('an override inside a name is an error at it, named by code point and name, not shown raw', () => {
    const error = errorOf('a = 1; b = 2\nf = a\u202E3 + 2 * b');
    expect(error).toMatchObject({ line: 2, column: 6 });
    expect(error.message).toBe('unexpected U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control, which reorders how the text around it is displayed: such characters are not allowed anywhere in a formula, comments included');
  });

  it.each(EVERY_REJECTED.map((cp) => [hex(cp), cp]))('%s is rejected in code and in a comment, where it stands', (_name, cp) => {
    const c = String.fromCodePoint(cp);
    for (const [source, line, column] of [[`f = x${c} + 1`, 1, 6], [`x = 1 # fine${c} comment\nf = x`, 1, 13], [`x = 1\r\nf = x # ${c}`, 2, 9]] as const) {
      const error = errorOf(source);
      expect(error).toMatchObject({ line, column });
      const parsed = parse(source);
      expect(!parsed.ok && parsed.error.length).toBe(c.length);
      expect(error.message).toContain(hex(cp));
      expect(error.message).not.toMatch(RAW_HIDDEN);
    }
  });

  it('names the characters of the Trojan Source paper', () => {
    expect(errorOf('f = 1 # \u2067').message).toContain('U+2067 RIGHT-TO-LEFT ISOLATE');
    expect(errorOf('f = 1 # \u200B').message).toContain('U+200B ZERO WIDTH SPACE, an invisible character');
    expect(errorOf('f = 1 # \u0000').message).toContain('U+0000 NULL, a control character');
    expect(errorOf('f = 1 # \u00AD').message).toContain('U+00AD SOFT HYPHEN');
    expect(errorOf('f = 1 # \uFEFF').message).toContain('U+FEFF ZERO WIDTH NO-BREAK SPACE');
    expect(errorOf('f = 1 # \u{E0041}').message).toContain('U+E0041 TAG LATIN CAPITAL LETTER A');
    expect(errorOf('f = 1 # \uFE0F').message).toContain('U+FE0F VARIATION SELECTOR-16');
  });

  it('a lone surrogate is refused as a broken character', () => {
    expect(errorOf('f = 1 # \uD800').message).toContain('U+D800, half of a character pair');
  });
});

describe('look-alike letters', () => {
  it.each([
    ['f = x + \u0435', 9, "'е' U+0435 CYRILLIC SMALL LETTER IE, which looks like the Latin e"],
    ['\u0430 = 1; f = a', 1, "'а' U+0430 CYRILLIC SMALL LETTER A, which looks like the Latin a"],
    ['f = \u039F + 1', 5, "'Ο' U+039F GREEK CAPITAL LETTER OMICRON, which looks like the Latin O"],
    ['f = \uFF58', 5, "'ｘ' U+FF58 FULLWIDTH LATIN SMALL LETTER X, which looks like the Latin x"],
    ['f = \uFF11 + 1', 5, "'１' U+FF11 FULLWIDTH DIGIT ONE, which looks like the Latin 1"],
  ])('%s says which Latin character it looks like', (source, column, named) => {
    const error = errorOf(source);
    expect(error).toMatchObject({ line: 1, column });
    expect(error.message).toBe(`unexpected character ${named}: names are written with ASCII letters, digits and _`);
  });

  it('other characters are named by code point, and by name where the table has one', () => {
    expect(errorOf('f = x + é').message).toBe("unexpected character 'é' U+00E9: expected a number, a name, an operator, or a separator");
    expect(errorOf('f = x\u00A0+ 1').message).toMatch(/^unexpected character U\+00A0 NO-BREAK SPACE: expected/);
    expect(errorOf('f = x − 1').message).toMatch(/^unexpected character '−' U\+2212 MINUS SIGN:/);
  });
});

describe('line breaks', () => {
  it('a lone \\r ends a line as \\n and \\r\\n do', () => {
    for (const br of ['\n', '\r\n', '\r']) {
      expect(errorOf(['x = 1', 'y = 2', 'f = x $ y'].join(br))).toMatchObject({ line: 3, column: 7 });
      const result = evaluate(['x = 3', 'f = x * 2'].join(br));
      expect(result.ok && result.output.value).toBe(6);
      expect(errorOf(`# comment${br}f = (x +`)).toMatchObject({ line: 2, column: 9 });
    }
  });

  it('inside brackets a lone \\r is a line break too, not a separator', () => {
    const result = evaluate('W = [[1, 2],\r[3, 4]]\rf = sum(W)');
    expect(result.ok && result.output.value).toBe(10);
    expect(errorOf('W = [[1, 2],\r[3, $]]')).toMatchObject({ line: 2, column: 5 });
  });
});

/** Any string, with a rejected character somewhere in it. */
const withHidden = fc.tuple(fc.string({ maxLength: 40 }), fc.constantFrom(...EVERY_REJECTED), fc.string({ unit: 'binary', maxLength: 40 }))
  .map(([before, cp, after]) => before + String.fromCodePoint(cp) + after);
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), withHidden);

describe('no message ever carries a raw control, bidirectional or invisible character', () => {
  it('formula errors', () => {
    fc.assert(fc.property(anyText, (source) => {
      const result = evaluate(source);
      if (!result.ok) expect(result.error.message).not.toMatch(RAW_HIDDEN);
      if (findHidden(source)) expect(result.ok).toBe(false);
    }), { seed: 11, numRuns: 5000 });
  }, 120_000);

  it('the first hidden character is the one reported, at its line and column', () => {
    fc.assert(fc.property(withHidden, (source) => {
      const hidden = findHidden(source);
      const result = evaluate(source);
      expect(result.ok).toBe(false);
      if (result.ok || !hidden) return;
      const before = source.slice(0, hidden.index).split(/\r\n|\r|\n/);
      expect(result.error.line).toBe(before.length);
      expect(result.error.column).toBe((before.at(-1) as string).length + 1);
      expect(result.error.message).toContain(hex(hidden.codePoint));
    }), { seed: 12, numRuns: 3000 });
  }, 120_000);

  it('deck and quiz-guess errors, and text quoted back', () => {
    fc.assert(fc.property(anyText, anyText, (title, notes) => {
      const deck = parseDeck({ title, slides: [{ title: notes, source: title, notes }] });
      if (!deck.ok) expect(deck.error).not.toMatch(RAW_HIDDEN);
      if (findHidden(title, true) || findHidden(notes, true)) expect(deck.ok).toBe(false);
      for (const kind of ['value', 'shape', 'jacobian'] as const) {
        const guess = parseGuess(kind, notes);
        if (!guess.ok) expect(guess.message).not.toMatch(RAW_HIDDEN);
      }
      expect(escapeHidden(title)).not.toMatch(RAW_HIDDEN);
    }), { seed: 13, numRuns: 3000 });
  }, 120_000);
});

describe("a deck's shown text", () => {
  it('refuses a bidirectional control in a slide title, saying where', () => {
    const deck = parseDeck({ title: 'Lecture', slides: [{ title: 'ok', source: 'f = 1' }, { title: 'Step \u202Eevil', source: 'f = 1' }] });
    expect(deck).toEqual({ ok: false, error: 'slide 2: "title" at line 1, column 6: unexpected U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control, which reorders how the text around it is displayed: such characters are not allowed in a deck\'s titles and notes' });
  });

  it("keeps the emoji joiners and selectors a person may type in notes (❤️, 👩‍💻), but not tags", () => {
    expect(parseDeck({ title: 'Deck ❤️', slides: [{ title: '👩‍💻', source: 'f = 1', notes: 'line 1\nline 2\ttab' }] }).ok).toBe(true);
    expect(parseDeck({ title: 'Deck', slides: [{ title: 'x', source: 'f = 1', notes: 'a\u{E0041}b' }] }).ok).toBe(false);
  });

  it('a slide formula with a hidden character opens as a positioned formula error, not a refused deck', () => {
    expect(parseDeck({ title: 'Deck', slides: [{ title: 'x', source: 'f = 1 # \u202E' }] }).ok).toBe(true);
  });
});

describe('quiz guesses', () => {
  it('a guess with a hidden character is not read, and the box names the character', () => {
    expect(parseGuess('value', '-4\u200B')).toEqual({ ok: false, message: 'That holds U+200B ZERO WIDTH SPACE, an invisible character: type the answer without it.' });
    expect(parseGuess('value', '\u2066-4\u2069').ok).toBe(false);
  });
});
