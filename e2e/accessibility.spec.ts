import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app-page.ts';

// A reader with a screen reader, a keyboard only or low vision: axe-core's WCAG 2.1 A and AA rules, in every theme
// and every way the app is shown, at the start, in the middle of each pass and at the end.

const THEMES = ['light', 'dark', 'projector'] as const;
const VIEWS = [
  { name: 'the full app', query: '' },
  { name: 'the table of wires', query: '', table: true },
  { name: 'the table of wires in the quiz', query: '?quiz=1', table: true },
  { name: 'an embed', query: '?embed=1' },
  { name: 'an embed with every panel', query: '?embed=1&editor=1&inputs=1&explain=1' },
  { name: 'the presentation view', query: '?deck=lecture&slide=3&present=1' },
  { name: 'the quiz', query: '?quiz=1' },
  { name: 'a quiz embed', query: '?embed=1&quiz=1&explain=1' },
] as const;

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Walks to step 0, the middle of the forward pass, the middle of the backward pass and the end, as a reader would. */
function stops(app: AppPage): { name: string; go: () => Promise<void> }[] {
  return [
    { name: 'step 0', go: () => app.press('Home') },
    { name: 'mid-forward', go: () => app.press('ArrowRight', 2) },
    { name: 'mid-backward', go: async () => { await app.press('End'); await app.press('ArrowLeft', 2); } },
    { name: 'the end', go: () => app.press('End') },
  ];
}

for (const view of VIEWS) {
  for (const theme of THEMES) {
    test(`${view.name} in the ${theme} theme passes axe's WCAG 2.1 AA checks at every stage of both passes`, async ({ page }) => {
      test.setTimeout(120_000);
      const app = new AppPage(page);
      const sep = view.query ? '&' : '?';
      await app.open(`${view.query}${sep}theme=${theme}`);
      if ('table' in view) await page.getByTestId('display.table').click();
      const found: string[] = [];
      for (const stop of stops(app)) {
        await stop.go();
        found.push(...(await violations(page)).map((v) => `${stop.name}: ${v}`));
      }
      expect(found).toEqual([]);
    });
  }
}

test('a gate focused from the keyboard, in a circuit with a tensor inspector open, passes axe\'s checks', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent('W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)')}&step=end`);
  await page.getByTestId('steps.end').focus();
  for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.matches('g.node'))); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowLeft');
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

for (const theme of THEMES) {
  test(`the ${theme} theme passes axe's checks, text contrast included, at the end of the backward pass`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('toolbar.theme').selectOption(theme);
    await app.toEnd();
    await page.getByTestId('gradcheck').locator('summary').click();
    expect(await violations(page)).toEqual([]);
  });
}
