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
  'x = 1 # </textarea><script>alert(1)</script><a href="javascript:alert(1)">x</a>\nf = x',
  '{{constructor.constructor(\'alert(1)\')()}} ${alert(1)}',
  // Trojan Source: an override inside a name, which would make the editor show `f = a3 + 2 * b`.
  'a = 1; b = 2\nf = a\u202E3 + 2 * b',
] as const;

declare global {
  interface Window {
    __prototypeBefore?: string[];
    __injected?: string[];
  }
}

/**
 * Records Object.prototype in every frame before any of the app's scripts run, and watches the document for any
 * element or attribute a payload could create, even one removed again at once.
 */
export async function watchPrototype(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    window.__injected = [];
    // The editor's own empty images (no src) sit beside its placeholders so the caret can stand there.
    const HARMFUL = 'img:not([data-testid="export.preview"], .cm-widgetBuffer:not([src])), script:not([src]), iframe:not(#app, #sibling), object, embed, svg[onload]';
    const suspicious = (el: Element) => el.matches(HARMFUL) || [...el.attributes].some((a) => /^on/i.test(a.name) || (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)));
    const check = (el: Element) => {
      for (const e of [el, ...el.querySelectorAll('*')]) if (suspicious(e)) window.__injected?.push(e.outerHTML.slice(0, 120));
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element && suspicious(r.target)) window.__injected?.push(`${r.attributeName} on ${r.target.tagName}`);
        for (const n of r.addedNodes) if (n instanceof Element) check(n);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

/** No element or attribute was injected (the host's own frames aside), nothing was added to Object.prototype, nothing polluted plain objects. */
export async function expectUnharmed(frame: Page | Frame): Promise<void> {
  const found = await frame.evaluate(() => ({
    before: window.__prototypeBefore ?? null,
    after: Object.getOwnPropertyNames(Object.prototype).sort(),
    injected: document.querySelectorAll('img:not(.cm-widgetBuffer:not([src])), iframe:not(#app, #sibling), object, embed, script:not([src]), [onerror], [onload], [onclick], a[href^="javascript:" i]').length,
    polluted: ['polluted', 'x', 'alert', 'onerror'].filter((k) => (({}) as Record<string, unknown>)[k] !== undefined),
    observed: window.__injected ?? null,
  }));
  expect(found.observed, 'the init script watched the document').not.toBeNull();
  expect(found.observed, 'elements or attributes added at any moment').toEqual([]);
  expect(found.before, 'the init script recorded Object.prototype').not.toBeNull();
  expect(found.after).toEqual(found.before);
  expect(found.injected, 'injected elements or handler attributes').toBe(0);
  expect(found.polluted).toEqual([]);
}
