/**
 * Names of the characters an error may have to point at: the ones a formula rejects (bidirectional controls,
 * invisible characters, controls), spaces that look like a space, and letters that look like Latin ones. A small
 * table on purpose: any other character is named by its code point alone.
 */
const TABLE: Record<number, string> = {
  0x00: 'NULL', 0x01: 'START OF HEADING', 0x02: 'START OF TEXT', 0x03: 'END OF TEXT', 0x04: 'END OF TRANSMISSION',
  0x05: 'ENQUIRY', 0x06: 'ACKNOWLEDGE', 0x07: 'BELL', 0x08: 'BACKSPACE', 0x09: 'CHARACTER TABULATION', 0x0a: 'LINE FEED',
  0x0b: 'LINE TABULATION', 0x0c: 'FORM FEED', 0x0d: 'CARRIAGE RETURN', 0x0e: 'SHIFT OUT', 0x0f: 'SHIFT IN',
  0x10: 'DATA LINK ESCAPE', 0x11: 'DEVICE CONTROL ONE', 0x12: 'DEVICE CONTROL TWO', 0x13: 'DEVICE CONTROL THREE',
  0x14: 'DEVICE CONTROL FOUR', 0x15: 'NEGATIVE ACKNOWLEDGE', 0x16: 'SYNCHRONOUS IDLE', 0x17: 'END OF TRANSMISSION BLOCK',
  0x18: 'CANCEL', 0x19: 'END OF MEDIUM', 0x1a: 'SUBSTITUTE', 0x1b: 'ESCAPE', 0x1c: 'INFORMATION SEPARATOR FOUR',
  0x1d: 'INFORMATION SEPARATOR THREE', 0x1e: 'INFORMATION SEPARATOR TWO', 0x1f: 'INFORMATION SEPARATOR ONE',
  0x7f: 'DELETE', 0x85: 'NEXT LINE', 0xa0: 'NO-BREAK SPACE', 0xad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER', 0x061c: 'ARABIC LETTER MARK', 0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER', 0x1680: 'OGHAM SPACE MARK', 0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x2000: 'EN QUAD', 0x2001: 'EM QUAD', 0x2002: 'EN SPACE', 0x2003: 'EM SPACE', 0x2004: 'THREE-PER-EM SPACE',
  0x2005: 'FOUR-PER-EM SPACE', 0x2006: 'SIX-PER-EM SPACE', 0x2007: 'FIGURE SPACE', 0x2008: 'PUNCTUATION SPACE',
  0x2009: 'THIN SPACE', 0x200a: 'HAIR SPACE', 0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR', 0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202f: 'NARROW NO-BREAK SPACE', 0x205f: 'MEDIUM MATHEMATICAL SPACE', 0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE', 0x2212: 'MINUS SIGN', 0x3000: 'IDEOGRAPHIC SPACE', 0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE', 0xffa0: 'HALFWIDTH HANGUL FILLER', 0xfffc: 'OBJECT REPLACEMENT CHARACTER',
  0xfffd: 'REPLACEMENT CHARACTER', 0xe0001: 'LANGUAGE TAG', 0xe0020: 'TAG SPACE', 0xe007f: 'CANCEL TAG',
};

/** Letters of other scripts that look like a Latin letter or digit: [code point, name, the Latin look-alike]. */
const LOOKALIKES: readonly (readonly [number, string, string])[] = [
  [0x0430, 'CYRILLIC SMALL LETTER A', 'a'], [0x0435, 'CYRILLIC SMALL LETTER IE', 'e'], [0x043e, 'CYRILLIC SMALL LETTER O', 'o'],
  [0x0440, 'CYRILLIC SMALL LETTER ER', 'p'], [0x0441, 'CYRILLIC SMALL LETTER ES', 'c'], [0x0443, 'CYRILLIC SMALL LETTER U', 'y'],
  [0x0445, 'CYRILLIC SMALL LETTER HA', 'x'], [0x0455, 'CYRILLIC SMALL LETTER DZE', 's'],
  [0x0456, 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i'], [0x0458, 'CYRILLIC SMALL LETTER JE', 'j'],
  [0x04bb, 'CYRILLIC SMALL LETTER SHHA', 'h'], [0x04cf, 'CYRILLIC SMALL LETTER PALOCHKA', 'l'],
  [0x0501, 'CYRILLIC SMALL LETTER KOMI DE', 'd'], [0x051b, 'CYRILLIC SMALL LETTER QA', 'q'], [0x051d, 'CYRILLIC SMALL LETTER WE', 'w'],
  [0x0405, 'CYRILLIC CAPITAL LETTER DZE', 'S'], [0x0406, 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I', 'I'],
  [0x0408, 'CYRILLIC CAPITAL LETTER JE', 'J'], [0x0410, 'CYRILLIC CAPITAL LETTER A', 'A'], [0x0412, 'CYRILLIC CAPITAL LETTER VE', 'B'],
  [0x0415, 'CYRILLIC CAPITAL LETTER IE', 'E'], [0x0417, 'CYRILLIC CAPITAL LETTER ZE', '3'], [0x041a, 'CYRILLIC CAPITAL LETTER KA', 'K'],
  [0x041c, 'CYRILLIC CAPITAL LETTER EM', 'M'], [0x041d, 'CYRILLIC CAPITAL LETTER EN', 'H'], [0x041e, 'CYRILLIC CAPITAL LETTER O', 'O'],
  [0x0420, 'CYRILLIC CAPITAL LETTER ER', 'P'], [0x0421, 'CYRILLIC CAPITAL LETTER ES', 'C'], [0x0422, 'CYRILLIC CAPITAL LETTER TE', 'T'],
  [0x0425, 'CYRILLIC CAPITAL LETTER HA', 'X'], [0x04c0, 'CYRILLIC LETTER PALOCHKA', 'I'],
  [0x0391, 'GREEK CAPITAL LETTER ALPHA', 'A'], [0x0392, 'GREEK CAPITAL LETTER BETA', 'B'], [0x0395, 'GREEK CAPITAL LETTER EPSILON', 'E'],
  [0x0396, 'GREEK CAPITAL LETTER ZETA', 'Z'], [0x0397, 'GREEK CAPITAL LETTER ETA', 'H'], [0x0399, 'GREEK CAPITAL LETTER IOTA', 'I'],
  [0x039a, 'GREEK CAPITAL LETTER KAPPA', 'K'], [0x039c, 'GREEK CAPITAL LETTER MU', 'M'], [0x039d, 'GREEK CAPITAL LETTER NU', 'N'],
  [0x039f, 'GREEK CAPITAL LETTER OMICRON', 'O'], [0x03a1, 'GREEK CAPITAL LETTER RHO', 'P'], [0x03a4, 'GREEK CAPITAL LETTER TAU', 'T'],
  [0x03a5, 'GREEK CAPITAL LETTER UPSILON', 'Y'], [0x03a7, 'GREEK CAPITAL LETTER CHI', 'X'], [0x03bf, 'GREEK SMALL LETTER OMICRON', 'o'],
  [0x03bd, 'GREEK SMALL LETTER NU', 'v'], [0x03b9, 'GREEK SMALL LETTER IOTA', 'i'], [0x03c1, 'GREEK SMALL LETTER RHO', 'p'],
];
const LOOKALIKE = new Map(LOOKALIKES.map(([cp, name, latin]) => [cp, { name, latin }]));

const DIGITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];
const letter = (cp: number, base: number) => String.fromCharCode(0x41 + cp - base);

/** Names that follow from the code point: fullwidth forms, variation selectors, tag letters and digits. */
function rangeName(cp: number): string | undefined {
  if (cp >= 0xff10 && cp <= 0xff19) return `FULLWIDTH DIGIT ${DIGITS[cp - 0xff10]}`;
  if (cp >= 0xff21 && cp <= 0xff3a) return `FULLWIDTH LATIN CAPITAL LETTER ${letter(cp, 0xff21)}`;
  if (cp >= 0xff41 && cp <= 0xff5a) return `FULLWIDTH LATIN SMALL LETTER ${letter(cp, 0xff41)}`;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return `VARIATION SELECTOR-${cp - 0xfe00 + 1}`;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return `VARIATION SELECTOR-${cp - 0xe0100 + 17}`;
  if (cp >= 0xe0030 && cp <= 0xe0039) return `TAG DIGIT ${DIGITS[cp - 0xe0030]}`;
  if (cp >= 0xe0041 && cp <= 0xe005a) return `TAG LATIN CAPITAL LETTER ${letter(cp, 0xe0041)}`;
  if (cp >= 0xe0061 && cp <= 0xe007a) return `TAG LATIN SMALL LETTER ${letter(cp, 0xe0061)}`;
  return undefined;
}

/** The Latin letter or digit a character looks like, if it is one of the look-alikes we know. */
export function latinLookalike(cp: number): string | undefined {
  if (cp >= 0xff10 && cp <= 0xff19) return String.fromCharCode(0x30 + cp - 0xff10);
  if (cp >= 0xff21 && cp <= 0xff3a) return letter(cp, 0xff21);
  if (cp >= 0xff41 && cp <= 0xff5a) return letter(cp, 0xff41).toLowerCase();
  return LOOKALIKE.get(cp)?.latin;
}

/** The character's Unicode name when our table has it. */
export function characterName(cp: number): string | undefined {
  return TABLE[cp] ?? LOOKALIKE.get(cp)?.name ?? rangeName(cp);
}
