/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff app is served by the backend under /app/; `npm run dev` proxies the API to a backend on :8080.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/favicon.svg': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup-tests.ts'],
    globals: true,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
