import { parseDeck, type Deck, type DeckResult } from './deck.ts';

/** What a deck file says it is: `{ "format": "backprop-deck", "version": 1, "title": …, "slides": […] }`. */
export const DECK_FORMAT = 'backprop-deck';
export const DECK_VERSION = 1;
/** Larger than any deck within parseDeck's limits is likely to be; a file past it is refused before it is read. */
export const MAX_DECK_FILE_BYTES = 8 * 1024 * 1024;

/** The deck as a file: pretty JSON with its format and version first, so a person opening it sees what it is. */
export function deckFileText(deck: Deck): string {
  return `${JSON.stringify({ format: DECK_FORMAT, version: DECK_VERSION, title: deck.title, slides: deck.slides }, null, 2)}\n`;
}

/** A value from the file, quoted as JSON and cut short: a hostile file must not fill the message. */
const quoted = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/** Where a JSON syntax error is, as line and column, from the offset engines put in their message (when they do). */
function jsonErrorAt(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/**
 * Reads a deck file: JSON with this format's header (a bare deck, without one, is accepted too), then the same checks
 * as a deck from a link. Never throws; an error says what is wrong and where, in words a person can act on.
 */
export function parseDeckFile(text: string): DeckResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const at = jsonErrorAt(text, error);
    return { ok: false, error: `This file is not a deck: it is not valid JSON${at ? ` (at ${at})` : ''}.` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, error: 'This file is not a deck: expected a JSON object with "title" and "slides".' };
  }
  const header = json as Record<string, unknown>;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(header, key);
  if (has('format') && header.format !== DECK_FORMAT) {
    return { ok: false, error: `This file is not a deck: its "format" is ${quoted(header.format)}, expected "${DECK_FORMAT}".` };
  }
  if (has('version') && header.version !== DECK_VERSION) {
    const newer = typeof header.version === 'number' && header.version > DECK_VERSION;
    return { ok: false, error: newer
      ? `This deck was saved by a newer version of the app (file version ${quoted(header.version)}; this app reads version ${DECK_VERSION}).`
      : `This deck file has an unknown "version" ${quoted(header.version)}; expected ${DECK_VERSION}.` };
  }
  const parsed = parseDeck(json);
  return parsed.ok ? parsed : { ok: false, error: `This deck file has a problem: ${parsed.error}.` };
}
