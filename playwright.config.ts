import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Ports can be moved (E2E_APP_PORT, E2E_HOST_PORT) so that two checkouts can run their tests side by side. */
const appPort = Number(process.env.E2E_APP_PORT ?? 4173);
const hostPort = Number(process.env.E2E_HOST_PORT ?? 4174);
process.env.E2E_HOST_ORIGIN ??= `http://localhost:${hostPort}`;

const chromium = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [['list']],
  outputDir: 'test-results',
  // One set of screenshots for both projects: the default path names the project.
  snapshotPathTemplate: '{snapshotDir}/{testFileDir}/{testFileName}-snapshots/{arg}{-snapshotSuffix}{ext}',
  use: {
    baseURL: `http://localhost:${appPort}`,
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  // Tests tagged @timing hold the page to wall-clock bounds (long tasks, frame times, build times). Beside another
  // browser on this machine's two cores a task can take five times as long for reasons not its own, so they run last,
  // one at a time, with the machine to themselves.
  projects: [
    { name: 'app', grepInvert: /@timing/ },
    { name: 'timing', grep: /@timing/, workers: 1, dependencies: ['app'] },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${appPort} --strictPort`,
      url: `http://localhost:${appPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A second origin: the course page that embeds the app (e2e/embed.spec.ts, e2e/links.spec.ts).
      command: `HOST_PORT=${hostPort} node e2e/host/server.mjs`,
      url: `http://localhost:${hostPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
