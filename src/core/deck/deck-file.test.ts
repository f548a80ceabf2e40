import { describe, expect, it } from 'vitest';
import { deckFileText, DECK_FORMAT, DECK_VERSION, LECTURE_DECK, parseDeckFile } from './index.ts';

const mine = { title: 'Week 4', slides: [{ title: 'Mul', source: 'x = 3; y = -4; f = x * y', notes: 'Ask first.', stops: [0, 2, 4], view: { code: true } }] };

describe('the deck file', () => {
  it('starts with its format and version and reads back as the same deck', () => {
    const text = deckFileText(LECTURE_DECK);
    expect(JSON.parse(text)).toMatchObject({ format: DECK_FORMAT, version: DECK_VERSION, title: LECTURE_DECK.title });
    expect(text.indexOf('"format"')).toBeLessThan(text.indexOf('"slides"'));
    expect(text).toContain('\n  "slides": [\n');
    expect(parseDeckFile(text)).toEqual({ ok: true, deck: LECTURE_DECK });
    expect(parseDeckFile(deckFileText(mine))).toEqual({ ok: true, deck: mine });
  });

  it('accepts a bare deck without the header, and a byte-order mark', () => {
    expect(parseDeckFile(JSON.stringify(mine))).toEqual({ ok: true, deck: mine });
    expect(parseDeckFile(`\uFEFF${deckFileText(mine)}`)).toEqual({ ok: true, deck: mine });
  });

  it('refuses another format and another version, saying which', () => {
    const other = { ...JSON.parse(deckFileText(mine)), format: 'slides' };
    expect(parseDeckFile(JSON.stringify(other))).toEqual({ ok: false, error: expect.stringContaining('its "format" is "slides", expected "backprop-deck"') });
    const newer = { ...JSON.parse(deckFileText(mine)), version: 2 };
    expect(parseDeckFile(JSON.stringify(newer))).toEqual({ ok: false, error: expect.stringContaining('saved by a newer version of the app (file version 2') });
    const odd = { ...JSON.parse(deckFileText(mine)), version: 'one' };
    expect(parseDeckFile(JSON.stringify(odd))).toEqual({ ok: false, error: expect.stringContaining('unknown "version" "one"') });
    const long = { ...JSON.parse(deckFileText(mine)), format: 'x'.repeat(10_000) };
    const result = parseDeckFile(JSON.stringify(long));
    expect(!result.ok && result.error.length).toBeLessThan(200);
  });

  it.each([
    ['', 'not valid JSON'],
    ['{\n  "title": "t",\n}', 'not valid JSON (at line 3, column 1)'],
    ['<html>not a deck</html>', 'not valid JSON'],
    ['[1, 2, 3]', 'expected a JSON object with "title" and "slides"'],
    ['"a deck"', 'expected a JSON object'],
    ['{"format":"backprop-deck","version":1,"title":"t","slides":[]}', '"slides" to be a list of 1 to 200'],
    ['{"format":"backprop-deck","version":1,"slides":[{"title":"a","source":"x = 1"},{"title":"b"}]}', 'slide 2: expected "source"'],
    ['{"slides":[{"source":"x = 1","stops":["one"]}]}', 'slide 1: expected "stops"'],
  ])('explains what is wrong with %j', (text, error) => {
    const result = parseDeckFile(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(error);
  });
});
