package fr.passerelle.console;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The real-time channel's settings.
 *
 * @param allowedOrigins origins besides the public base URL's whose pages may open the
 * channel (never {@code *})
 * @param heartbeat how often each side shows it is alive on an idle connection
 * @param disconnectGrace how long a volunteer may stay without a connected console (a
 * reload, a network change) before going offline
 * @param figuresInterval how often changed queue figures are sent, at most
 * @param messageSizeLimit largest frame a browser may send
 * @param sendTimeLimit longest a send to one browser may take before it is cut off
 * @param sendBufferSizeLimit most data buffered for a browser that reads slowly before it
 * is cut off
 * @param relay the STOMP broker that several instances share, if any
 */
@ConfigurationProperties("passerelle.console")
record ConsoleProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("10s") Duration heartbeat,
		@DefaultValue("30s") Duration disconnectGrace, @DefaultValue("500ms") Duration figuresInterval,
		@DefaultValue("16KB") DataSize messageSizeLimit, @DefaultValue("10s") Duration sendTimeLimit,
		@DefaultValue("512KB") DataSize sendBufferSizeLimit, @DefaultValue Relay relay,
		@DefaultValue("2s") Duration wallboardInterval) {

	/**
	 * RabbitMQ's STOMP plugin ({@code rabbitmq_stomp}), through which the instances reach
	 * each other's consoles. Without a host, each instance keeps its own in-memory
	 * broker, which is enough for one.
	 *
	 * @param host the broker's host; blank for none
	 * @param port its STOMP port
	 * @param login the user the instances and their consoles connect as
	 * @param passcode that user's password
	 * @param virtualHost the RabbitMQ virtual host (the {@code host} header of every
	 * CONNECT: without it, the broker would read the relay's host name as one)
	 * @param tls whether to connect over TLS (RabbitMQ's {@code stomp.listeners.ssl},
	 * usually port 61614), the broker's certificate and host name verified
	 * @param sslBundle the Spring SSL bundle ({@code spring.ssl.bundle.*}) whose trust
	 * store holds the broker's certificate authority; blank: the JDK's trusted
	 * authorities
	 */
	record Relay(@DefaultValue("") String host, @DefaultValue("61613") int port, @DefaultValue("guest") String login,
			@DefaultValue("guest") String passcode, @DefaultValue("/") String virtualHost,
			@DefaultValue("false") boolean tls, @DefaultValue("") String sslBundle) {

		boolean enabled() {
			return !this.host.isBlank();
		}

	}

}
