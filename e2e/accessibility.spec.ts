import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page.ts';

for (const theme of ['light', 'dark', 'projector'] as const) {
  test(`the ${theme} theme passes axe's checks, text contrast included, at the end of the backward pass`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('toolbar.theme').selectOption(theme);
    await app.toEnd();
    await page.getByTestId('gradcheck').locator('summary').click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
