import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { SIGN_IN_ENDED, useLiveChannel } from '../live-channel';

type ClientOptions = { onConnect: () => void; onWebSocketClose: (event: { code: number }) => void };

// A stand-in for @stomp/stompjs: the test plays the server's side through the options the hook gives the client.
const stomp = vi.hoisted(() => ({
  options: null as null | ClientOptions,
  subscribed: [] as string[],
  activated: 0,
  deactivated: 0,
}));
vi.mock('@stomp/stompjs', () => ({
  ReconnectionTimeMode: { LINEAR: 0, EXPONENTIAL: 1 },
  Client: class {
    connectHeaders = {};
    constructor(options: ClientOptions) {
      stomp.options = options;
    }
    subscribe(destination: string) {
      stomp.subscribed.push(destination);
    }
    activate() {
      stomp.activated++;
    }
    deactivate() {
      stomp.deactivated++;
      return Promise.resolve();
    }
  },
}));

function handlers() {
  return { onConnected: vi.fn(), onEvent: vi.fn(), onFigures: vi.fn(), onSignInEnded: vi.fn() };
}

const subscriptions = { personal: '/user/exchange/amq.direct/console', figures: ['/topic/figures.76'] };

describe('useLiveChannel', () => {
  afterEach(() => {
    stomp.options = null;
    stomp.subscribed = [];
    stomp.activated = 0;
    stomp.deactivated = 0;
  });

  it('subscribes to the destinations the server named, at each connection', () => {
    const on = handlers();
    const { result } = renderHook(() => useLiveChannel(subscriptions, on));
    expect(result.current).toBe('connecting');
    // it backs off exponentially after losing the server, from a first wait of its own
    expect(stomp.options).toMatchObject({ reconnectTimeMode: 1, maxReconnectDelay: 30_000 });

    act(() => stomp.options!.onConnect());

    expect(stomp.subscribed).toEqual(['/user/exchange/amq.direct/console', '/topic/figures.76']);
    expect(on.onConnected).toHaveBeenCalledTimes(1);
    expect(result.current).toBe('connected');
  });

  it('waits for the destinations before connecting', () => {
    renderHook(() => useLiveChannel(undefined, handlers()));
    expect(stomp.activated).toBe(0);
  });

  it('tells the page when the server closed the channel because the sign-in ended', () => {
    const on = handlers();
    const { result } = renderHook(() => useLiveChannel(subscriptions, on));

    act(() => stomp.options!.onWebSocketClose({ code: 1006 }));
    expect(result.current).toBe('disconnected');
    expect(on.onSignInEnded).not.toHaveBeenCalled();

    act(() => stomp.options!.onWebSocketClose({ code: SIGN_IN_ENDED }));
    expect(on.onSignInEnded).toHaveBeenCalledTimes(1);
  });
});
