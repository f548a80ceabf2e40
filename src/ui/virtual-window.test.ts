import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToShow } from './virtual-window.ts';

describe('the rows a virtual table renders', () => {
  it('are those in view plus a margin on each side, within the table', () => {
    expect(rowWindow(0, 300, 30, 250_000, 10)).toEqual({ start: 0, end: 21 });
    expect(rowWindow(3000, 300, 30, 250_000, 10)).toEqual({ start: 90, end: 121 });
    expect(rowWindow(30 * 249_990, 300, 30, 250_000, 10)).toEqual({ start: 249_980, end: 250_000 });
    expect(rowWindow(0, 300, 30, 5, 10)).toEqual({ start: 0, end: 5 });
  });

  it('stay few however far a quarter of a million rows are scrolled', () => {
    for (const top of [0, 1234.5, 3_000_000, 7_499_970]) {
      const { start, end } = rowWindow(top, 800, 30, 250_000);
      expect(end - start).toBeLessThanOrEqual(Math.ceil(800 / 30) + 1 + 2 * 5);
      expect(start * 30).toBeLessThanOrEqual(top);
    }
  });

  it('are none for an empty table, a scroll past the end keeps the last rows', () => {
    expect(rowWindow(0, 300, 30, 0)).toEqual({ start: 0, end: 0 });
    const past = rowWindow(1e9, 300, 30, 100, 10);
    expect(past.end).toBe(100);
    expect(past.start).toBeLessThan(100);
  });
});

describe('keeping a row in view', () => {
  it('leaves the scroll alone when the row is fully visible below the header', () => {
    expect(scrollToShow(5, 0, 330, 30, 30)).toBeNull();
    expect(scrollToShow(9, 0, 330, 30, 30)).toBeNull();
  });

  it('scrolls a row above or below the view to a third of the way down', () => {
    expect(scrollToShow(10, 0, 330, 30, 30)).toBe(200);
    expect(scrollToShow(2, 600, 330, 30, 30)).toBe(0);
    expect(scrollToShow(100, 600, 330, 30, 30)).toBe(2900);
  });
});
