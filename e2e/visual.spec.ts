import { expect, test } from '@playwright/test';
import examples from '../src/core/fixtures/lecture-examples.json' with { type: 'json' };
import { AppPage } from './app-page.ts';

// Visual regression: the lecture's circuits at fixed steps against stored pictures, so a drawing change is seen in
// review. Refresh them deliberately with `npx playwright test e2e/visual.spec.ts --update-snapshots`.
test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

const STEPS = ['0', 'seed', 'end'] as const;

for (const example of examples) {
  for (const at of STEPS) {
    test(`${example.id} at ${at} looks as it did`, async ({ page }) => {
      const app = new AppPage(page);
      await app.open();
      await app.type(example.source);
      await expect(app.progress).toContainText('step 0 of');
      if (at === 'end') await app.press('End');
      if (at === 'seed') {
        await app.press('End');
        const last = await app.lastStep();
        const gates = (last - 1) / 2;
        await app.press('PageUp', last - gates - 1);
      }
      await page.waitForTimeout(200);
      await expect(page.getByTestId('circuit.svg')).toHaveScreenshot(`${example.id}-${at}.png`, { maxDiffPixelRatio: 0.01 });
      expect(app.errors).toEqual([]);
    });
  }
}
