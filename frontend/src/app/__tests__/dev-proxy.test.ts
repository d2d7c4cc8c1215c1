import { describe, expect, it } from 'vitest';

import { devProxy } from '../../../vite.config';

describe('npm run dev', () => {
  it('proxies the console’s WebSocket to the backend, as the page’s own origin', () => {
    // without ws, the live channel never connects; with the Host header changed to :8080, the backend sees a
    // handshake from another origin (http://localhost:5173) and refuses it
    expect(devProxy['/api']).toEqual({ target: 'http://localhost:8080', ws: true, changeOrigin: false });
  });
});
