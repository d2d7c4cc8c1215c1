/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff app is served by the backend under /app/; `npm run dev` proxies the API to a backend on :8080,
// WebSocket included (the console's live channel, /api/console/stomp). The Host header is passed on unchanged, so
// that the backend sees the page's own origin (http://localhost:5173) and accepts the handshake as same-origin.
export const devProxy = {
  '/api': { target: 'http://localhost:8080', ws: true, changeOrigin: false },
  '/favicon.svg': { target: 'http://localhost:8080', changeOrigin: false },
};

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false },
  server: {
    proxy: devProxy,
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
