import { characterName, latinLookalike } from './names.ts';

/**
 * Characters that make text read differently from what it is (the "Trojan Source" attack): bidirectional controls
 * reorder what is shown, invisible ones hide, controls are nothing a person typed. Tab and line breaks are text.
 */
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const EMOJI_GLUE = '\\u200D\\uFE0E\\uFE0F';
const OTHER_HIDDEN = '\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\p{Cs}\\u034F\\u115F\\u1160\\u3164\\uFFA0\\u2028\\u2029\\uFE00-\\uFE0D\\u{E0100}-\\u{E01EF}';
/** Every format character (\p{Cf}: zero-width space and joiners, U+FEFF, soft hyphen, tags…) is hidden too. */
// eslint-disable-next-line no-misleading-character-class -- it matches lone joiners and selectors on purpose
const HIDDEN = new RegExp(`[${OTHER_HIDDEN}\\p{Cf}${EMOJI_GLUE}]`, 'u');
/** In text that is only shown, the joiner and variation selectors that build emoji (❤️, 👩‍💻) may stay; tags may not. */
// eslint-disable-next-line no-misleading-character-class -- as above
const HIDDEN_IN_PROSE = new RegExp(`[${OTHER_HIDDEN}${BIDI}\\u00AD\\u180E\\u200B\\u200C\\u2060-\\u2064\\u206A-\\u206F\\uFEFF\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}]`, 'u');
const IS_BIDI = new RegExp(`[${BIDI}]`, 'u');
/** Letters, digits, punctuation and symbols can be quoted as they are; anything else is shown by code point only. */
const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

export type HiddenKind = 'bidi' | 'invisible' | 'control' | 'broken';

export interface HiddenCharacter {
  /** Offset in UTF-16 code units, and how many units it takes. */
  readonly index: number;
  readonly length: number;
  readonly codePoint: number;
  readonly kind: HiddenKind;
}

/** The first hidden character, or undefined. `prose`: text that is shown but never compiled (titles, notes). */
export function findHidden(text: string, prose = false): HiddenCharacter | undefined {
  const match = (prose ? HIDDEN_IN_PROSE : HIDDEN).exec(text);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0) as number;
  return { index: match.index, length: match[0].length, codePoint, kind: kindOf(codePoint) };
}

function kindOf(cp: number): HiddenKind {
  if (cp >= 0xd800 && cp <= 0xdfff) return 'broken';
  if (IS_BIDI.test(String.fromCodePoint(cp))) return 'bidi';
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? 'control' : 'invisible';
}

export const HIDDEN_REASON: Record<HiddenKind, string> = {
  bidi: 'a bidirectional control, which reorders how the text around it is displayed',
  invisible: 'an invisible character',
  control: 'a control character',
  broken: 'half of a character pair, left by a broken copy',
};

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A character as an error shows it: `'é' U+00E9`, `'е' U+0435 CYRILLIC SMALL LETTER IE, which looks like the Latin e`,
 * `U+202E RIGHT-TO-LEFT OVERRIDE`. Only a letter, digit, punctuation mark or symbol is ever quoted raw.
 */
export function describeCharacter(cp: number): string {
  const name = characterName(cp);
  const shown = String.fromCodePoint(cp);
  const printable = PRINTABLE.test(shown) && !HIDDEN.test(shown);
  const latin = latinLookalike(cp);
  return `${printable ? `'${shown}' ` : ''}${hex(cp)}${name ? ` ${name}` : ''}${latin ? `, which looks like the Latin ${latin}` : ''}`;
}

/** Text with every hidden or unprintable character written as JSON's `\u202E`, for messages that quote it back. */
export function escapeHidden(text: string): string {
  let out = '';
  for (const c of text) {
    if (c === ' ' || (PRINTABLE.test(c) && !HIDDEN.test(c))) out += c;
    else for (let k = 0; k < c.length; k++) out += `\\u${c.charCodeAt(k).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** Why a hidden character is refused: `unexpected U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control, … where`. */
export function hiddenMessage(hidden: HiddenCharacter, where: string): string {
  return `unexpected ${describeCharacter(hidden.codePoint)}, ${HIDDEN_REASON[hidden.kind]}: such characters are not allowed ${where}`;
}
