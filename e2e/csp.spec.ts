import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

declare global {
  interface Window {
    __violations?: string[];
    __wasmInstances?: number;
  }
}

/** The large matrix product runs in the tensor engine's WebAssembly kernel (from 20,000 multiply-adds). */
const BIG_MATMUL = 'W = randn(200, 200)\nx = randn(200)\nf = sum((W @ x)^2)';

/** Records every CSP violation and every WebAssembly instance made, in every frame, before the app's scripts run. */
async function watchPolicy(page: Page): Promise<string[]> {
  const refused: string[] = [];
  page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(m.text()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations?.push(`${e.effectiveDirective}: ${e.blockedURI} ${e.sample}`));
    window.__wasmInstances = 0;
    const Instance = WebAssembly.Instance;
    WebAssembly.Instance = new Proxy(Instance, {
      construct(target, args) {
        const made = new target(...(args as [WebAssembly.Module]));
        window.__wasmInstances = (window.__wasmInstances ?? 0) + 1;
        return made;
      },
    });
  });
  return refused;
}

const violations = (page: Page) => page.evaluate(() => window.__violations ?? null);

test.describe('the Content-Security-Policy', () => {
  test('the built page forbids eval and inline script, and loads only its own scripts', async ({ request, baseURL }) => {
    const html = await (await request.get(`${baseURL}/`)).text();
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'self'"]);
    // WebAssembly may be compiled (the tensor engine's fixed SIMD kernel, see below); JavaScript may never be evaluated.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|script-src[^;]*data:|\*/);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    // Every script in the page is a file of its own: none is written inline.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test('a tour of the app under it raises no violation: full app, WebAssembly kernel, export, quiz, embed, presentation with KaTeX', async ({ page }) => {
    test.setTimeout(90_000);
    const refused = await watchPolicy(page);
    const app = new AppPage(page);

    await app.open();
    await page.getByTestId('steps.next').click();
    await app.press('End');
    await page.getByTestId('gradcheck').locator('summary').click();

    await app.type(BIG_MATMUL);
    await expect(app.svg.locator('g.node').first()).toBeVisible();
    await app.press('End');
    await expect.poll(() => page.evaluate(() => window.__wasmInstances), { message: 'the WebAssembly kernel ran' }).toBeGreaterThan(0);

    await app.type('x = -2; y = 5; z = -4; f = (x + y) * z');
    await page.getByTestId('export.open').click();
    for (const format of ['svg', 'png', 'python', 'javascript', 'tikz']) {
      const tab = page.getByTestId(`export.${format}`);
      if (await tab.count()) await tab.click();
    }
    await expect(page.getByTestId('export.preview').or(page.locator('dialog[open] textarea, dialog[open] pre')).first()).toBeVisible();
    await page.keyboard.press('Escape');
    expect(await violations(page)).toEqual([]);

    await app.open('?quiz=1&step=1');
    await page.getByTestId('quiz.input').fill('3');
    await page.getByTestId('quiz.input').press('Enter');
    await expect(page.getByTestId('quiz.verdict')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await app.open('?embed=1&editor=1&inputs=1&explain=1&step=3');
    await page.getByTestId('steps.next').click();
    expect(await violations(page)).toEqual([]);

    await page.goto('/?deck=lecture&slide=2&present=1&step=3');
    await expect(page.getByTestId('present')).toBeVisible();
    await expect(page.locator('.katex').first(), 'KaTeX typeset the explanation').toBeVisible({ timeout: 15_000 });
    await app.press('ArrowRight', 3);
    await expect(page.locator('.katex').first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(refused).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
