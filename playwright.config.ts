import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

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
  use: {
    baseURL: 'http://localhost:4173',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: 'npx vite preview --port 4173 --strictPort',
      url: 'http://localhost:4173',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // A second origin: the course page that embeds the app (e2e/embed.spec.ts, e2e/links.spec.ts).
      command: 'node e2e/host/server.mjs',
      url: 'http://localhost:4174',
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
