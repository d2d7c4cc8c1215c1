package fr.passerelle.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import fr.passerelle.platform.PublicSite;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.config.StompBrokerRelayRegistration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP over WebSocket at {@value #ENDPOINT}, on Spring's in-memory broker (one
 * instance), or relayed to RabbitMQ when {@code passerelle.console.relay.host} is set
 * (several instances). The endpoint lies under {@code /api}, so only a signed-in staff
 * member (whose password needs no change) completes the handshake; pages of other origins
 * than this application's, its public address and the configured ones are refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class StompConfiguration implements WebSocketMessageBrokerConfigurer {

	static final String ENDPOINT = "/api/console/stomp";

	private final ConsoleProperties properties;

	private final String publicBaseUrl;

	private final TaskScheduler heartbeats;

	private final EndedSignIns endedSignIns;

	private final SslBundles sslBundles;

	StompConfiguration(ConsoleProperties properties, PublicSite site, @Lazy TaskScheduler messageBrokerTaskScheduler,
			EndedSignIns endedSignIns, SslBundles sslBundles) {
		this.endedSignIns = endedSignIns;
		this.sslBundles = sslBundles;
		this.properties = properties;
		this.publicBaseUrl = site.publicBaseUrl();
		this.heartbeats = messageBrokerTaskScheduler;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint(ENDPOINT)
			.setAllowedOrigins(allowedOrigins().toArray(String[]::new))
			.addInterceptors(this.endedSignIns);
		registry.setErrorHandler(new StompErrors());
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		long heartbeat = this.properties.heartbeat().toMillis();
		ConsoleProperties.Relay relay = this.properties.relay();
		if (relay.enabled()) {
			StompBrokerRelayRegistration relayed = registry.enableStompBrokerRelay("/topic", "/exchange");
			if (relay.tls()) {
				relayed.setTcpClient(RelayTls.client(relay.host(), relay.port(),
						relay.sslBundle().isBlank() ? null : this.sslBundles.getBundle(relay.sslBundle())));
			}
			relayed.setRelayHost(relay.host())
				.setVirtualHost(relay.virtualHost())
				.setRelayPort(relay.port())
				.setClientLogin(relay.login())
				.setClientPasscode(relay.passcode())
				.setSystemLogin(relay.login())
				.setSystemPasscode(relay.passcode())
				.setSystemHeartbeatSendInterval(heartbeat)
				.setSystemHeartbeatReceiveInterval(heartbeat)
				// the instances tell each other who is connected where, and pass on
				// what is meant for a user none of them knows yet
				.setUserRegistryBroadcast("/topic/passerelle.user-registry")
				.setUserDestinationBroadcast("/topic/passerelle.unresolved-user");
		}
		else {
			registry.enableSimpleBroker("/topic", "/queue")
				.setHeartbeatValue(new long[] { heartbeat, heartbeat })
				.setTaskScheduler(this.heartbeats);
		}
		// browsers send nothing to the application over STOMP: every action is a REST
		// call
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.setPreservePublishOrder(true);
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit((int) this.properties.messageSizeLimit().toBytes())
			.setSendTimeLimit((int) this.properties.sendTimeLimit().toMillis())
			.setSendBufferSizeLimit((int) this.properties.sendBufferSizeLimit().toBytes())
			.addDecoratorFactory(this.endedSignIns);
	}

	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		// a send to a browser that reads slowly blocks its thread until the send time
		// limit: enough threads that a few such browsers do not hold back the others
		registration.taskExecutor().corePoolSize(16);
	}

	/**
	 * Origins allowed besides the page's own: the public base URL's, and the configured
	 * ones.
	 */
	List<String> allowedOrigins() {
		List<String> origins = new ArrayList<>();
		URI base = URI.create(this.publicBaseUrl);
		origins.add(base.getScheme() + "://" + base.getAuthority());
		for (String origin : this.properties.allowedOrigins()) {
			if ("*".equals(origin.trim())) {
				throw new IllegalStateException("passerelle.console.allowed-origins must list origins, not '*'");
			}
			origins.add(origin.trim());
		}
		return origins;
	}

}
