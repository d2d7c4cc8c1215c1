import { defineConfig } from '@playwright/test';

import base from '../playwright.config';

// The README's screenshots, taken from a running demo (the README's first command, once its history is counted):
// npx playwright test -c screenshots/playwright.config.ts
export default defineConfig({
  ...base,
  testDir: '.',
  timeout: 120_000,
  use: { ...base.use, viewport: { width: 1280, height: 900 } },
});
