import { type IMessage } from '@stomp/stompjs';
import { useEffect, useRef, useState } from 'react';

import { stompClient } from '../../../lib/stomp';

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
    const client = stompClient({
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
