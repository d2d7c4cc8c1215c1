import { ReconnectionTimeMode } from '@stomp/stompjs';
import { describe, expect, it } from 'vitest';

import { FIRST_RETRY, LONGEST_RETRY, reconnection } from '../stomp';

describe('reconnection', () => {
  it('backs off exponentially from a first wait drawn at random, so that consoles do not retry in lock-step', () => {
    const waits = [0, 0.25, 0.5, 0.999].map((draw) => reconnection(() => draw).reconnectDelay);

    expect(new Set(waits).size).toBe(4);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(FIRST_RETRY.from);
    expect(Math.max(...waits)).toBeLessThan(FIRST_RETRY.to);
    expect(reconnection()).toMatchObject({
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      maxReconnectDelay: LONGEST_RETRY,
    });
  });
});
