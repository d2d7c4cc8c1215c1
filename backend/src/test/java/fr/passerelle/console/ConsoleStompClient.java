package fr.passerelle.console;

import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import fr.passerelle.StaffClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A console as the browser opens it, with a real STOMP client: the session cookie on the
 * handshake, the page's origin, the CSRF token on CONNECT. Frames received on each
 * subscription, and errors, are kept in queues to be awaited.
 */
public final class ConsoleStompClient {

	static final JsonMapper json = JsonMapper.builder().build();

	/** One WebSocket client (one Tomcat client container) for all the consoles opened. */
	private static final WebSocketStompClient client = textClient();

	public final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

	private StompSession session;

	private static WebSocketStompClient textClient() {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		// JSON frames are read as text, whatever their content type
		client.setMessageConverter(new StringMessageConverter() {
			@Override
			protected boolean supportsMimeType(org.springframework.messaging.MessageHeaders headers) {
				return true;
			}
		});
		return client;
	}

	/**
	 * Connects as the signed-in staff member of {@code staff}.
	 * @param origin the page's origin ({@code Origin} header)
	 * @param withCsrf whether CONNECT carries the CSRF token
	 */
	public ConsoleStompClient connect(StaffClient staff, String origin, boolean withCsrf) throws Exception {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", staff.cookieHeader());
		handshake.setOrigin(origin);
		StompHeaders connect = new StompHeaders();
		if (withCsrf) {
			staff.cookie("XSRF-TOKEN").ifPresent((token) -> connect.add("X-XSRF-TOKEN", token));
		}
		String url = staff.baseUrl().replace("http://", "ws://") + StompConfiguration.ENDPOINT;
		this.session = client.connectAsync(url, handshake, connect, new StompSessionHandlerAdapter() {
			@Override
			public void handleException(StompSession session, StompCommand command, StompHeaders headers,
					byte[] payload, Throwable exception) {
				ConsoleStompClient.this.errors.add(String.valueOf(exception));
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				ConsoleStompClient.this.errors.add(headers.getFirst("message") + " " + payload);
			}

			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}
		}).get(10, TimeUnit.SECONDS);
		return this;
	}

	public BlockingQueue<JsonNode> subscribe(String destination) {
		BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
		this.session.subscribe(destination, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				frames.add(json.readTree((String) payload));
			}
		});
		return frames;
	}

	/**
	 * Subscribes with a handler of the raw text of each frame, called on the thread that
	 * reads the connection.
	 */
	void subscribe(String destination, java.util.function.Consumer<String> handler) {
		this.session.subscribe(destination, new StompFrameHandler() {
			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				handler.accept((String) payload);
			}
		});
	}

	public void send(String destination, String body) {
		this.session.send(destination, body);
	}

	public boolean isConnected() {
		return this.session != null && this.session.isConnected();
	}

	public void disconnect() {
		if (isConnected()) {
			try {
				this.session.disconnect();
			}
			catch (org.springframework.messaging.MessageDeliveryException closedMeanwhile) {
				// the server closed it first: nothing left to end
			}
		}
	}

	/**
	 * The next frame matching {@code wanted}, within {@code seconds}; frames that do not
	 * match are dropped.
	 */
	static JsonNode await(BlockingQueue<JsonNode> frames, int seconds, java.util.function.Predicate<JsonNode> wanted)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			JsonNode frame = frames.poll(50, TimeUnit.MILLISECONDS);
			if (frame != null && wanted.test(frame)) {
				return frame;
			}
		}
		return null;
	}

	public static List<String> drain(BlockingQueue<String> queue) {
		return List.copyOf(queue);
	}

}
