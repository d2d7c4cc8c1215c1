import { Client, type IMessage } from '@stomp/stompjs';
import { useEffect, useRef, useState } from 'react';

import { csrfToken, CSRF_HEADER } from '../../../lib/api-client';
import { reconnection, stompUrl } from '../../../lib/stomp';

export type TopicStatus = 'connecting' | 'connected' | 'disconnected';

/**
 * Follows one STOMP topic of the staff app's real-time channel (signed in by the session cookie, the CSRF token on
 * CONNECT), reconnecting by itself with a growing, randomised wait (`reconnection`); `onConnected` runs at each (re)connection, so that whatever was sent
 * while away can be read again.
 */
export function useLiveTopic<T>(
  destination: string | undefined,
  onMessage: (body: T) => void,
  onConnected: () => void = () => {},
): TopicStatus {
  const [status, setStatus] = useState<TopicStatus>('connecting');
  const latest = useRef({ onMessage, onConnected });
  useEffect(() => {
    latest.current = { onMessage, onConnected };
  });
  useEffect(() => {
    if (destination === undefined) {
      return;
    }
    const client = new Client({
      brokerURL: stompUrl(),
      ...reconnection(),
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      beforeConnect: (self: Client) => {
        const token = csrfToken();
        self.connectHeaders = token ? { [CSRF_HEADER]: token } : {};
      },
      onConnect: () => {
        client.subscribe(destination, (message: IMessage) =>
          latest.current.onMessage(JSON.parse(message.body) as T),
        );
        setStatus('connected');
        latest.current.onConnected();
      },
      onWebSocketClose: () => setStatus('disconnected'),
      onStompError: () => setStatus('disconnected'),
    });
    client.activate();
    return () => {
      void client.deactivate();
    };
  }, [destination]);
  return status;
}
