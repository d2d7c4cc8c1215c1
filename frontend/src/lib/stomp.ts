import { Client, ReconnectionTimeMode, type StompConfig } from '@stomp/stompjs';

import { csrfToken, CSRF_HEADER } from './api-client';

// Where the staff app's real-time channel is, and how the server says a sign-in ended.

export const STOMP_ENDPOINT = '/api/console/stomp';

/** The close code the server gives a channel whose sign-in ended (WebSocket "policy violation"). */
export const SIGN_IN_ENDED = 1008;

export function stompUrl(location: Pick<Location, 'protocol' | 'host'> = window.location) {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${STOMP_ENDPOINT}`;
}

/** The first wait before reconnecting lies between these (ms), drawn for each channel. */
export const FIRST_RETRY = { from: 1000, to: 3000 };

/** No wait between two attempts is longer (ms). */
export const LONGEST_RETRY = 30_000;

/**
 * How a channel reconnects after the server went away: exponential back-off (each failed attempt doubles the wait, up
 * to {@link LONGEST_RETRY}) from a first wait drawn at random, so that the consoles a restart cut off all at once do
 * not knock on the new server in lock-step.
 */
export function reconnection(random: () => number = Math.random) {
  return {
    reconnectDelay: Math.round(FIRST_RETRY.from + random() * (FIRST_RETRY.to - FIRST_RETRY.from)),
    reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
    maxReconnectDelay: LONGEST_RETRY,
  };
}

/**
 * A client of the staff app's channel: its address, the reconnection above, heartbeats both ways every 10 s, and the
 * session's CSRF token read again at each (re)connection. `config` adds what the channel does once connected.
 */
export function stompClient(config: StompConfig) {
  return new Client({
    brokerURL: stompUrl(),
    ...reconnection(),
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    beforeConnect: (self: Client) => {
      const token = csrfToken();
      self.connectHeaders = token ? { [CSRF_HEADER]: token } : {};
    },
    ...config,
  });
}
