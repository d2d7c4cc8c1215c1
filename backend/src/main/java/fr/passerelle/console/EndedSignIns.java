package fr.passerelle.console;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * A console lives no longer than the sign-in it was opened with: once that HTTP session
 * ends (signed out, expired, or deleted), its WebSocket is closed, on whichever instance
 * holds it. The sessions live in MariaDB (Spring Session), which publishes no event when
 * one ends: the consoles' sessions are looked up together, at intervals.
 */
@Component
class EndedSignIns implements HandshakeInterceptor, WebSocketHandlerDecoratorFactory {

	private static final Logger logger = LoggerFactory.getLogger(EndedSignIns.class);

	/** The WebSocket attribute holding the id of the HTTP session of the handshake. */
	static final String HTTP_SESSION = "passerelle.httpSession";

	/** Sessions looked up per query. */
	private static final int BATCH = 500;

	/** Why the console was closed. */
	static final CloseStatus SIGNED_OUT = CloseStatus.POLICY_VIOLATION.withReason("Sign-in ended");

	private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	EndedSignIns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (request instanceof ServletServerHttpRequest servlet) {
			HttpSession session = servlet.getServletRequest().getSession(false);
			if (session != null) {
				attributes.put(HTTP_SESSION, session.getId());
			}
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {
			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				if (session.getAttributes().get(HTTP_SESSION) instanceof String) {
					EndedSignIns.this.open.put(session.getId(), session);
				}
				super.afterConnectionEstablished(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				EndedSignIns.this.open.remove(session.getId());
				super.afterConnectionClosed(session, status);
			}
		};
	}

	/**
	 * Closes the consoles whose sign-in ended; returns how many.
	 */
	int closeEnded() {
		Map<String, List<WebSocketSession>> byHttpSession = new HashMap<>();
		for (WebSocketSession session : this.open.values()) {
			String httpSession = (String) session.getAttributes().get(HTTP_SESSION);
			byHttpSession.computeIfAbsent(httpSession, (id) -> new ArrayList<>()).add(session);
		}
		if (byHttpSession.isEmpty()) {
			return 0;
		}
		Set<String> alive = alive(List.copyOf(byHttpSession.keySet()));
		int closed = 0;
		for (Map.Entry<String, List<WebSocketSession>> consoles : byHttpSession.entrySet()) {
			if (alive.contains(consoles.getKey())) {
				continue;
			}
			for (WebSocketSession session : consoles.getValue()) {
				try {
					session.close(SIGNED_OUT);
					closed++;
				}
				catch (IOException ex) {
					logger.debug("Could not close a console whose sign-in ended", ex);
				}
				finally {
					this.open.remove(session.getId());
				}
			}
		}
		return closed;
	}

	/**
	 * The HTTP sessions among these that still exist and have not expired (Spring Session
	 * keeps expired ones until its next clean-up). Expiry is Spring Session's, on the
	 * machine's clock.
	 */
	private Set<String> alive(List<String> ids) {
		Set<String> alive = new HashSet<>();
		long now = Instant.now().toEpochMilli();
		for (int from = 0; from < ids.size(); from += BATCH) {
			List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
			alive.addAll(this.jdbc
				.sql("SELECT SESSION_ID FROM SPRING_SESSION WHERE SESSION_ID IN (:ids) AND EXPIRY_TIME > :now")
				.param("ids", batch)
				.param("now", now)
				.query(String.class)
				.list());
		}
		return alive;
	}

}
