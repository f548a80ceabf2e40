import { expect, test } from '@playwright/test';
import { AppPage } from './app-page.ts';

test.describe('the gradient check', () => {
  test('its header says it opens, and at a relu kink it explains the disagreement instead of a bare ✗', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const panel = page.getByTestId('gradcheck');
    await expect(panel.locator('summary')).toContainText('click to open');
    await app.type('x = 0; y = 1.5\nf = relu(x) * 2 + y * y');
    await panel.locator('summary').click();
    const x = page.getByTestId('gradcheck.row.x');
    await expect(x).toContainText('⚠ kink');
    await expect(x).not.toContainText('✗');
    await expect(page.getByTestId('gradcheck.kink')).toContainText('the relu gate computing f₁ is at its corner here');
    await expect(page.getByTestId('gradcheck.row.y')).toContainText('✓');
    await panel.screenshot({ path: 'test-results/screenshots/gradcheck-kink.png' });
    expect(app.errors).toEqual([]);
  });
});
