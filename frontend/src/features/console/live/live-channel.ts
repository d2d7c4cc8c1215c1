import { type IMessage } from '@stomp/stompjs';
import { useEffect, useRef, useState } from 'react';

import { SIGN_IN_ENDED, stompClient } from '../../../lib/stomp';

export { SIGN_IN_ENDED };

/** What the server sends on the volunteer's own queue: ids and states only, details come from the REST API. */
export type ConsoleEvent =
  | { type: 'OFFERED'; ticketId: number; status: null; expiresAt: string }
  | { type: 'TICKET'; ticketId: number; status: string; expiresAt: null }
  | { type: 'PRESENCE'; ticketId: null; status: string; expiresAt: null }
  | { type: 'TRAINING'; ticketId: null; status: null; expiresAt: null };

export type ChannelStatus = 'connecting' | 'connected' | 'disconnected';

/** What a console subscribes to: its user's own queue, and the figures of each région it follows. */
export type Subscriptions = { personal: string; figures: string[] };

type Handlers = {
  /** Called on each (re)connection: whatever was pushed while away must be read again. */
  onConnected: () => void;
  onEvent: (event: ConsoleEvent) => void;
  onFigures: (body: unknown) => void;
  /** The server closed the channel because the sign-in ended (signed out elsewhere, or expired). */
  onSignInEnded: () => void;
};

/**
 * The console's real-time channel: STOMP over WebSocket, signed in by the session cookie, CSRF token on CONNECT.
 * Reconnects by itself (exponential back-off from a random first wait: `reconnection`), and subscribes again to the volunteer's queue and the figures of the régions
 * they follow, at the destinations the server named (they differ when several servers share a broker).
 */
export function useLiveChannel(subscriptions: Subscriptions | undefined, handlers: Handlers): ChannelStatus {
  const [status, setStatus] = useState<ChannelStatus>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const personal = subscriptions?.personal;
  const figureList = subscriptions?.figures.join(',');

  useEffect(() => {
    if (personal === undefined || figureList === undefined) {
      return;
    }
    const client = stompClient({
      onConnect: () => {
        client.subscribe(personal, (message: IMessage) =>
          latest.current.onEvent(JSON.parse(message.body) as ConsoleEvent),
        );
        for (const destination of figureList ? figureList.split(',') : []) {
          client.subscribe(destination, (message: IMessage) =>
            latest.current.onFigures(JSON.parse(message.body)),
          );
        }
        setStatus('connected');
        latest.current.onConnected();
      },
      onWebSocketClose: (event: CloseEvent) => {
        setStatus('disconnected');
        if (event.code === SIGN_IN_ENDED) {
          latest.current.onSignInEnded();
        }
      },
      onStompError: () => setStatus('disconnected'),
    });
    client.activate();
    return () => {
      void client.deactivate();
    };
  }, [personal, figureList]);

  return status;
}
