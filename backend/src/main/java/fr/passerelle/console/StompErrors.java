package fr.passerelle.console;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * ERROR frames say plainly why a frame was refused, and never more: no exception class,
 * no stack, no internal channel name.
 */
class StompErrors extends StompSubProtocolErrorHandler {

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		String reason = isAccessDenied(ex) ? "Accès refusé (access denied)" : "Trame refusée (frame refused)";
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		error.setLeaveMutable(true);
		if (clientMessage != null) {
			String receipt = StompHeaderAccessor.wrap(clientMessage).getReceipt();
			if (receipt != null) {
				error.setReceiptId(receipt);
			}
		}
		return MessageBuilder.createMessage(new byte[0], error.getMessageHeaders());
	}

	private static boolean isAccessDenied(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AccessDeniedException) {
				return true;
			}
		}
		return false;
	}

}
