import { defineConfig } from '@playwright/test';

// Runs against a Passerelle that is already up (the backend's BrowserEndToEndIntegrationTests starts one and
// passes its address), in Debian's Chromium: Playwright never downloads a browser here.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.PASSERELLE_BASE_URL ?? 'http://localhost:8080',
    locale: 'fr-FR',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
