import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = fileURLToPath(new URL('../../bench-results/app-build/', import.meta.url));

/** Chromium as the benches run it: Debian's where it is installed, headless, with nothing running in the background. */
export function launchChromium(): Promise<Browser> {
  const executablePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The app is built once however many benches drive it in one `npm run bench`. */
let built: Promise<unknown> | null = null;

/** Builds the app (once), serves it at `http://localhost:<port>/`, and runs `measure` in Chromium; closes both after. */
export async function withBuiltApp<T>(port: number, measure: (browser: Browser) => Promise<T>): Promise<T> {
  built ??= build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await built;
  const server = await preview({ root, build: { outDir }, preview: { port, strictPort: true }, logLevel: 'warn' });
  try {
    const browser = await launchChromium();
    try {
      return await measure(browser);
    } finally {
      await browser.close();
    }
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
