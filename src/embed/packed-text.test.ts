import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packText, packTextSoon, unpackText } from './packed-text.ts';

describe('packed text for links', () => {
  it('round-trips any text, with only URL-safe characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      const packed = packText(text);
      expect(packed).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(unpackText(packed, 1000)).toBe(text);
    }), { seed: 7, numRuns: 500 });
  });

  it('makes a 300-gate formula a short link', () => {
    const formula = `x = 1\n${Array.from({ length: 300 }, (_, i) => `a${i + 1} = ${i ? `a${i}` : 'x'} * 1.01 + 0.5`).join('\n')}\nf = a300`;
    const packed = packText(formula);
    expect(packed.length).toBeLessThan(formula.length / 3);
    expect(unpackText(packed, 1e6)).toBe(formula);
  });

  it('refuses what is not packed text, and a bomb beyond the limit', () => {
    for (const junk of ['', 'A', '!!!!', 'abc$', '____', packText('hello').slice(0, 3)]) {
      const out = unpackText(junk, 100);
      expect(out === null || out === '').toBe(true);
    }
    const bomb = packText('0'.repeat(5_000_000));
    expect(bomb.length).toBeLessThan(10_000);
    expect(unpackText(bomb, 1_000_000)).toBeNull();
    expect(unpackText(packText('0'.repeat(2000)), 1000)).toBeNull();
  });

  it('never throws on random input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (junk) => {
      const out = unpackText(junk, 1000);
      expect(out === null || typeof out === 'string').toBe(true);
    }), { seed: 11, numRuns: 2000 });
  });
});

describe('a long text packed a slice per task', () => {
  const soon = (text: string) => new Promise<{ packed: string; tasks: number }>((resolve) => {
    let tasks = 0;
    const tick = setInterval(() => tasks++, 0);
    let sync = true;
    packTextSoon(text, (packed) => {
      clearInterval(tick);
      expect(sync).toBe(false);
      resolve({ packed, tasks });
    });
    sync = false;
  });

  it.each([
    ['the 1,000,000-character tanh sum', `x = 0.5\nf = ${'tanh(x)+'.repeat(124_999)}tanh(x)`],
    ['600,000 characters that hardly repeat', Array.from({ length: 60_000 }, (_, i) => `w${i} = ${(i * 7919) % 1000}`).join('\n')],
  ])('%s: unpacks to the same text, about as short as packed at once, across tasks', async (_name, text) => {
    const { packed, tasks } = await soon(text);
    expect(unpackText(packed, 2_000_000)).toBe(text);
    // Each 16 KB slice ends a DEFLATE block, whose header a text this repetitive feels: the tanh sum packs to 3,274
    // characters instead of 2,089; text that hardly repeats, within a per cent.
    expect(packed.length).toBeLessThan(packText(text).length * 1.6 + 100);
    expect(tasks).toBeGreaterThan(2);
  });

  it('cancelled, never calls back', async () => {
    let called = false;
    packTextSoon('x'.repeat(500_000), () => (called = true))();
    await new Promise((r) => setTimeout(r, 300));
    expect(called).toBe(false);
  });
});
