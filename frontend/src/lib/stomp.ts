// Where the staff app's real-time channel is, and how the server says a sign-in ended.

export const STOMP_ENDPOINT = '/api/console/stomp';

/** The close code the server gives a channel whose sign-in ended (WebSocket "policy violation"). */
export const SIGN_IN_ENDED = 1008;

export function stompUrl(location: Pick<Location, 'protocol' | 'host'> = window.location) {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${STOMP_ENDPOINT}`;
}
