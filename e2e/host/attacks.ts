import { expect, type Frame, type Page } from '@playwright/test';

/** Text that would do harm if anything treated it as HTML, as code, or as an object key. */
export const ATTACKS = [
  '<img src=x onerror=alert(1)>',
  'constructor.constructor("alert(1)")()',
  '__proto__',
  '"><svg onload=alert(1)>',
  'x = 1\n__proto__ = 2\nf = __proto__ * x',
  'constructor = 3; prototype = 2; f = constructor * prototype',
  // eslint-disable-next-line no-script-url -- hostile test data: the app must show it as text, never follow it
  'javascript:alert(1)',
] as const;

declare global {
  interface Window {
    __prototypeBefore?: string[];
  }
}

/** Records Object.prototype in every frame before any of the app's scripts run. */
export async function watchPrototype(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  });
}

/** No element or attribute was injected (the host's own frames aside), nothing was added to Object.prototype, nothing polluted plain objects. */
export async function expectUnharmed(frame: Page | Frame): Promise<void> {
  const found = await frame.evaluate(() => ({
    before: window.__prototypeBefore ?? null,
    after: Object.getOwnPropertyNames(Object.prototype).sort(),
    injected: document.querySelectorAll('img, iframe:not(#app, #sibling), object, embed, script:not([src]), [onerror], [onload], [onclick], a[href^="javascript:" i]').length,
    polluted: ['polluted', 'x', 'alert', 'onerror'].filter((k) => (({}) as Record<string, unknown>)[k] !== undefined),
  }));
  expect(found.before, 'the init script recorded Object.prototype').not.toBeNull();
  expect(found.after).toEqual(found.before);
  expect(found.injected, 'injected elements or handler attributes').toBe(0);
  expect(found.polluted).toEqual([]);
}
