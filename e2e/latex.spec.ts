import { expect, test } from '@playwright/test';
import { AppPage } from './app-page.ts';

test('the current step’s derivation can be taken away as LaTeX, then Esc and the clicker step on', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent('x = -2; y = 5; z = -4\nq = x + y\nf = q * z')}&step=4`);
  await expect(page.getByTestId('explain.title')).toHaveText('Backward: the * gate');
  await page.getByTestId('explain.latex').click();
  const text = page.getByTestId('latex.text');
  await expect(text).toBeVisible();
  const latex = await text.inputValue();
  expect(latex).toContain('\\begin{aligned}');
  expect(latex).toContain('\\frac{\\partial f}{\\partial q}');
  expect(latex).toContain('-4');
  // The text is selected, ready for Ctrl+C.
  expect(await text.evaluate((t: HTMLTextAreaElement) => t.selectionEnd - t.selectionStart)).toBe(latex.length);
  await page.keyboard.press('Escape');
  await expect(text).toHaveCount(0);
  await page.keyboard.press('PageDown');
  await expect(app.progress).toHaveAttribute('data-step', '5');
  expect(app.errors).toEqual([]);
});
