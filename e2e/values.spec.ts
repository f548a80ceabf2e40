import { expect, test } from '@playwright/test';
import { AppPage } from './app-page.ts';

test.describe('input values', () => {
  test('a 100-tick slider drag lays nothing out, leaves the formula alone until release, and shows the right numbers every frame', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.press('End');
    const slider = page.getByTestId('inputs.slider.x');
    const scenes = await app.svg.getAttribute('data-scenes');
    const source = await app.text();
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    // x = -2 sits at 30 % of its [-5, 5] range; drag right, one pixel-ish tick at a time.
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    for (let tick = 1; tick <= 100; tick++) {
      await page.mouse.move(box.x + box.width * (0.3 + tick * 0.006), y);
      if (tick % 25 === 0) {
        const x = Number(await slider.inputValue());
        await expect(app.value('f')).toHaveAttribute('data-value', ((x + 5) * -4).toFixed(2).replace('-0.00', '0.00'));
        await expect(app.grad('z')).toHaveAttribute('data-grad', (x + 5).toFixed(2));
        expect(await app.text()).toBe(source);
        // The range stays put while dragging: it does not chase the value.
        await expect(slider).toHaveAttribute('max', '5');
      }
    }
    await page.mouse.up();
    const x = Number(await slider.inputValue());
    expect(x).toBeGreaterThan(3);
    expect(x).toBeLessThanOrEqual(5);
    await app.expectText(new RegExp(`x = ${x};`));
    await expect(app.svg).toHaveAttribute('data-scenes', scenes ?? '');
    await expect(app.progress).toHaveAttribute('data-step', '5');
    expect(app.errors).toEqual([]);
  });

  test('an empty field, a lone "-" or 1e400 is marked invalid and changes nothing', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const field = page.getByTestId('inputs.value.x');
    const source = await app.text();
    for (const text of ['', '-', '1e400', '2x']) {
      await field.fill(text);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(app.value('x')).toHaveAttribute('data-value', '-2.00');
    }
    await field.blur();
    await expect(field).toHaveValue('-2');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    expect(await app.text()).toBe(source);
    // Each value is shown once per input: the field, not a second copy beside the slider.
    await expect(page.getByTestId('inputs.row.x').locator('output')).toHaveCount(0);
    await page.getByTestId('inputs.row.x').screenshot({ path: 'test-results/screenshots/input-row.png' });
    expect(app.errors).toEqual([]);
  });

  test('the slider range can be edited', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('inputs.range.x').click();
    const max = page.getByTestId('inputs.range.x.max');
    await max.fill('50');
    await max.blur();
    await expect(page.getByTestId('inputs.slider.x')).toHaveAttribute('max', '50');
    expect(app.errors).toEqual([]);
  });
});
