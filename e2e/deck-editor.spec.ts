import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { AppPage } from './app-page.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/deck-${name}.png` });
const slideTitles = (page: Page) => page.getByTestId('deck.slide').locator('option').allTextContents();
const currentSlide = (page: Page) => page.getByTestId('deck.slide').locator('option:checked');

test.describe('the deck editor', () => {
  test('edits the lecture deck, saves it, and carries it in a link, a file and this browser', async ({ page, browser }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const app = new AppPage(page);
    await app.open('?deck=lecture&slide=2');
    await page.getByTestId('deck.edit').click();
    const editor = page.getByTestId('deck-editor');
    await expect(editor.getByTestId('deck-editor.slide-title')).toHaveValue('f = (x + y) z');
    await editor.getByTestId('deck-editor.slide-title').fill('Our first circuit');
    await editor.getByTestId('deck-editor.slide-stops').fill('0, 3, 99');
    await expect(editor.getByTestId('deck-editor.stops-status')).toHaveText('Step 99 is past this circuit’s last step, 5.');
    await expect(editor.getByTestId('deck-editor.slide-2')).toHaveText('2. Our first circuit');
    // Stops that cannot be kept stop the save, with the reason; nothing changes meanwhile.
    await editor.getByTestId('deck-editor.save').click();
    await expect(editor.getByTestId('deck-editor.message')).toHaveText('Slide 2, stops: step 99 is past this circuit’s last step, 5.');
    await expect(currentSlide(page)).toHaveText('2. f = (x + y) z');
    await editor.getByTestId('deck-editor.slide-stops').fill('0, 3, 5');
    await expect(editor.getByTestId('deck-editor.stops-status')).toHaveText('Stops at 3 of 6 steps.');
    await shot(page, 'editor-1280');
    await editor.getByTestId('deck-editor.save').click();
    await expect(editor).toBeHidden();

    await expect(currentSlide(page)).toHaveText('2. Our first circuit');
    await expect(page.getByTestId('deck.where')).toHaveText('slide 2 of 13 · stop 1 of 3');
    await app.press('PageDown');
    expect(await app.step()).toBe(3);
    // The edited deck is a copy: its links pack it (dz=) instead of naming the built-in lecture.
    await expect.poll(() => new URL(page.url()).searchParams.get('dz')).not.toBeNull();
    expect(new URL(page.url()).searchParams.get('deck')).toBeNull();

    await page.getByTestId('deck.edit').click();
    const link = await editor.getByTestId('deck-editor.link').inputValue();
    expect(new URL(link).searchParams.get('slide')).toBe('2');
    const [download] = await Promise.all([page.waitForEvent('download'), editor.getByTestId('deck-editor.export').click()]);
    expect(download.suggestedFilename()).toBe('CS231n-lecture-4-backpropagation.deck.json');
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const json = JSON.parse(await readFile(file, 'utf8'));
    expect(json).toMatchObject({ format: 'backprop-deck', version: 1, title: 'CS231n lecture 4: backpropagation' });
    expect(json.slides).toHaveLength(13);
    expect(json.slides[1]).toMatchObject({ title: 'Our first circuit', stops: [0, 3, 5] });
    await editor.getByTestId('deck-editor.cancel').click();
    const titles = await slideTitles(page);

    // The link opens the custom deck at the same slide and step, in another window.
    const linked = new AppPage(await page.context().newPage());
    await linked.open(new URL(link).search);
    await expect(currentSlide(linked.page)).toHaveText('2. Our first circuit');
    expect(await linked.step()).toBe(3);
    expect(await slideTitles(linked.page)).toEqual(titles);

    // A fresh browser (no remembered decks) imports the file; a junk file is refused and changes nothing.
    const fresh = await browser.newContext();
    const imported = new AppPage(await fresh.newPage());
    await imported.open();
    await imported.page.getByTestId('deck.mine').click();
    await imported.page.getByTestId('deck-editor.import').setInputFiles(file);
    await expect(imported.page.getByTestId('deck-editor')).toBeHidden();
    expect(await slideTitles(imported.page)).toEqual(titles);
    await imported.page.getByTestId('deck.slide').selectOption('1');
    await expect(imported.page.getByTestId('deck.where')).toHaveText('slide 2 of 13 · stop 1 of 3');
    await imported.page.getByTestId('deck.mine').click();
    await imported.page.getByTestId('deck-editor.import').setInputFiles({ name: 'notes.deck.json', mimeType: 'application/json', buffer: Buffer.from('{"title": "half a deck", "slides": [') });
    await expect(imported.page.getByTestId('deck-editor.message')).toContainText('notes.deck.json: This file is not a deck: it is not valid JSON');
    await imported.page.getByTestId('deck-editor.import').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "backprop-deck", "version": 2, "slides": []}') });
    await expect(imported.page.getByTestId('deck-editor.message')).toContainText('saved by a newer version of the app');
    await imported.page.getByTestId('deck-editor.cancel').click();
    expect(await slideTitles(imported.page)).toEqual(titles);
    await expect(currentSlide(imported.page)).toHaveText('2. Our first circuit');
    expect([...linked.errors, ...imported.errors]).toEqual([]);
    await fresh.close();

    // After a reload, the saved deck is offered among this browser's decks.
    await page.goto('/');
    await page.getByTestId('deck.mine').click();
    const remembered = page.getByTestId('deck-editor.remembered');
    await expect(remembered).toContainText('CS231n lecture 4: backpropagation 13 slides · saved');
    await remembered.getByTestId('deck-editor.open-remembered').first().click();
    expect(await slideTitles(page)).toEqual(titles);
    expect(app.errors).toEqual([]);
  });

  test('makes a new deck from the current formula; a slide that does not compile is saved but marked', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const app = new AppPage(page);
    await app.open();
    await app.press('ArrowRight', 2);
    await page.getByTestId('deck.mine').click();
    const editor = page.getByTestId('deck-editor');
    await editor.getByTestId('deck-editor.title').fill('Week 4, Tuesday');
    await editor.getByTestId('deck-editor.add-current').click();
    await expect(editor.getByTestId('deck-editor.slide-stops')).toHaveValue('2');
    await editor.getByTestId('deck-editor.slide-title').fill('Broken on purpose');
    await editor.getByTestId('deck-editor.slide-source').fill('x = 2\nf = x * (');
    await expect(editor.getByTestId('deck-editor.slide-error')).toContainText('⚠ Line 2, column 10:');
    await expect(editor.getByTestId('deck-editor.slide-2')).toHaveText('2. Broken on purpose ⚠');
    await editor.getByTestId('deck-editor.duplicate').click();
    await editor.getByTestId('deck-editor.up').click();
    await expect(editor.getByTestId('deck-editor.slides').locator('button')).toHaveText(['1. CS231n lecture 4, example 1', '2. Broken on purpose ⚠', '3. Broken on purpose ⚠']);
    await editor.getByTestId('deck-editor.delete').click();
    await shot(page, 'new-1920');
    await editor.getByTestId('deck-editor.save').click();
    await expect(editor).toBeHidden();
    expect(await slideTitles(page)).toEqual(['1. CS231n lecture 4, example 1', '2. Broken on purpose']);
    // It opens at the slide being edited: the broken one, whose error the formula editor shows as for any formula.
    await expect(currentSlide(page)).toHaveText('2. Broken on purpose');
    await expect(page.getByTestId('editor.error-position')).toHaveText('Line 2, column 10:');
    expect(app.errors).toEqual([]);
  });
});

test.describe('the forward / backward API slide', () => {
  for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
    test(`shows the current gate’s code with today’s numbers at a backward step (${width}×${height})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const app = new AppPage(page);
      await app.open('?deck=lecture&slide=7');
      const code = page.getByTestId('gate-code.text');
      await app.press('ArrowRight', 4);
      await expect(page.getByTestId('steps.progress')).toHaveAttribute('data-phase', 'backward');
      await expect(code).toContainText('class MultiplyGate:');
      await expect(code).toContainText('f = q * z');
      await expect(code).toContainText('dq = self.z * df');
      await expect(code).toContainText('# -4 · 1 = -4');
      await expect(code).toContainText('dz = self.q * df');
      await expect(code).toContainText('# 3 · 1 = 3');
      await shot(page, `code-${width}`);
      await app.press('ArrowRight');
      await expect(code).toContainText('class AddGate:');
      await expect(code).toContainText('dx = dq');
      await expect(code).toContainText('# 1 · -4 = -4');
      await page.getByTestId('deck.code').uncheck();
      await expect(page.getByTestId('gate-code')).toHaveCount(0);
      expect(app.errors).toEqual([]);
    });
  }
});

test('the gradient check slide shows how long each gradient took', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  await app.open('?deck=lecture&slide=1');
  await expect(page.getByTestId('gradcheck.times')).toHaveText(/^numerical: 6 forward passes, [\d.e-]+ ms · analytic: 1 backward pass, [\d.e-]+ ms/);
  await shot(page, 'gradcheck-1280');
  expect(app.errors).toEqual([]);
});
