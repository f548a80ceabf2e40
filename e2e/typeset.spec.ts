import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES } from '../src/core/examples.ts';
import { AppPage } from './app-page.ts';

/** Records every CSP violation from the first script on, for the test to read back. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Requests for KaTeX's script, stylesheet and fonts that failed. */
function watchKatexRequests(page: Page): { requested: string[]; failed: string[] } {
  const log = { requested: [] as string[], failed: [] as string[] };
  page.on('response', (r) => {
    if (!r.url().includes('/katex/')) return;
    log.requested.push(r.url());
    if (r.status() >= 400) log.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => log.failed.push(`${r.failure()?.errorText} ${r.url()}`));
  return log;
}

const source = (id: string) => EXAMPLES.find((e) => e.id === id)?.source ?? '';

test.describe('explanations typeset with KaTeX (?typeset=1)', () => {
  // Tall enough that the explanation panel shows a whole step without scrolling, for the screenshots.
  test.use({ viewport: { width: 1280, height: 1100 } });

  test('the lecture’s first example at its last backward step shows ∂f/∂x as a fraction', async ({ page }) => {
    const csp = await watchCsp(page);
    const requests = watchKatexRequests(page);
    const app = new AppPage(page);
    await app.open('?step=5&typeset=1');
    const explain = page.getByTestId('explain');
    await expect(page.getByTestId('explain.title')).toHaveText('Backward: the + gate');
    await expect(explain.locator('.katex .mfrac').first()).toBeVisible();
    await expect(explain.locator('[data-testid="explain.line"] .katex')).toHaveCount(4);
    // The prose between the maths stays text, and the maths is readable by screen readers as MathML.
    await expect(explain.getByTestId('explain.upstream')).toContainText('Upstream:');
    await expect(explain.locator('.katex-mathml math').first()).toBeAttached();
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    await explain.screenshot({ path: 'test-results/screenshots/typeset-lecture-1-backward.png' });
    expect(requests.requested.some((u) => u.endsWith('/assets/katex/katex.min.js'))).toBe(true);
    expect(requests.failed).toEqual([]);
    expect(await csp()).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test('a matrix product’s step typesets transposes, shapes and the numbers as matrices', async ({ page }) => {
    const csp = await watchCsp(page);
    const app = new AppPage(page);
    await app.open(`?f=${encodeURIComponent(source('vector-norm'))}&step=end&typeset=1`);
    const explain = page.getByTestId('explain');
    await expect(page.getByTestId('explain.title')).toHaveText('Backward: the @ gate');
    await expect(explain.locator('.chain-table .katex .mfrac').first()).toBeVisible();
    await expect(explain.locator('[data-testid="explain.line"] .katex')).not.toHaveCount(0);
    await page.evaluate(() => document.fonts.ready);
    await explain.screenshot({ path: 'test-results/screenshots/typeset-vector-norm-matmul.png' });
    expect(await csp()).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test('without the flag the explanation is text and KaTeX is never fetched', async ({ page }) => {
    const requests = watchKatexRequests(page);
    const app = new AppPage(page);
    await app.open('?step=5');
    await expect(page.getByTestId('explain')).toContainText('∂f/∂x = ∂f/∂q · ∂q/∂x = -4 · 1 = -4');
    await expect(page.locator('.katex')).toHaveCount(0);
    await expect(page.locator('script[src*="katex"], link[href*="katex"]')).toHaveCount(0);
    expect(requests.requested).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
