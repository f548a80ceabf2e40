import { describe, expect, it } from 'vitest';
import { LECTURE_DECK } from '../core/index.ts';
import { deckFromDraft, draftOf, duplicateSlide, moveSlide, parseStops, removeSlide, slideDraft, titleFor, updateSlide } from './deck-draft.ts';

const lastStep = () => 5;

describe('a deck being edited', () => {
  it('turns back into the deck it came from, as fresh objects', () => {
    const result = deckFromDraft(draftOf(LECTURE_DECK), () => undefined);
    expect(result).toEqual({ ok: true, deck: LECTURE_DECK });
    expect(result.ok && result.deck).not.toBe(LECTURE_DECK);
    expect(result.ok && result.deck.slides[0]).not.toBe(LECTURE_DECK.slides[0]);
  });

  it('reads stops as a comma list, sorted and without repeats; empty means every step', () => {
    expect(parseStops('5, 0,3 3')).toEqual({ ok: true, stops: [0, 3, 5] });
    expect(parseStops('  ')).toEqual({ ok: true, stops: [] });
    expect(parseStops('1, two')).toEqual({ ok: false, error: expect.stringContaining('“two” is not a step number') });
    expect(parseStops('-1')).toEqual({ ok: false, error: expect.stringContaining('“-1” is not a step number') });
    expect(parseStops('2.5')).toEqual({ ok: false, error: expect.stringContaining('“2.5”') });
    expect(parseStops('0, 6', 5)).toEqual({ ok: false, error: 'step 6 is past this circuit’s last step, 5' });
  });

  it('leaves out what is empty and names the first slide that is not ready', () => {
    const draft = { title: '  ', slides: [slideDraft({ title: ' One ', source: 'x = 1; f = x * x', notice: ' ', stops: [] }), slideDraft({ source: 'f = (' })] };
    expect(deckFromDraft(draft, lastStep)).toEqual({ ok: true, deck: { title: 'Untitled deck', slides: [{ title: 'One', source: 'x = 1; f = x * x' }, { title: '', source: 'f = (' }] } });
    const bad = { ...draft, slides: updateSlide(draft.slides, 1, { stops: '9' }) };
    expect(deckFromDraft(bad, lastStep)).toEqual({ ok: false, slide: 1, error: 'Slide 2, stops: step 9 is past this circuit’s last step, 5.' });
    const long = { ...draft, slides: updateSlide(draft.slides, 0, { notes: 'n'.repeat(5000) }) };
    expect(deckFromDraft(long, lastStep)).toMatchObject({ ok: false, slide: 0, error: expect.stringMatching(/^Slide 1: expected "notes"/) });
  });

  it('moves, duplicates and deletes slides, keeping at least one', () => {
    const [a, b, c] = [slideDraft({ source: 'a' }), slideDraft({ source: 'b' }), slideDraft({ source: 'c' })];
    const slides = [a!, b!, c!];
    expect(moveSlide(slides, 0, 1).map((s) => s.source)).toEqual(['b', 'a', 'c']);
    expect(moveSlide(slides, 0, -1).map((s) => s.source)).toEqual(['a', 'b', 'c']);
    const twice = duplicateSlide(slides, 1);
    expect(twice.map((s) => s.source)).toEqual(['a', 'b', 'b', 'c']);
    expect(new Set(twice.map((s) => s.key)).size).toBe(4);
    expect(removeSlide(slides, 1).map((s) => s.source)).toEqual(['a', 'c']);
    expect(removeSlide([a!], 0)).toHaveLength(1);
  });

  it('titles a new slide with its formula’s first comment', () => {
    expect(titleFor('# CS231n lecture 4, example 1\nx = 1')).toBe('CS231n lecture 4, example 1');
    expect(titleFor('x = 1 # not a title')).toBe('New slide');
  });
});
