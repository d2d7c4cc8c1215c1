package fr.passerelle.console;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.messaging.simp.stomp.StompReactorNettyCodec;
import org.springframework.messaging.tcp.TcpOperations;
import org.springframework.messaging.tcp.reactor.ReactorNettyTcpClient;

/**
 * The relay's connections to RabbitMQ over TLS: the broker's certificate checked against
 * the bundle's trust store (or the JDK's), and its host name against the certificate, so
 * that nobody on the network between the instances and the broker reads the consoles'
 * messages or poses as the broker.
 */
final class RelayTls {

	private RelayTls() {
	}

	static TcpOperations<byte[]> client(String host, int port, SslBundle bundle) {
		SslContext context = context(bundle);
		return new ReactorNettyTcpClient<>(
				(client) -> client.host(host).port(port).secure((spec) -> spec.sslContext(context)),
				new StompReactorNettyCodec());
	}

	private static SslContext context(SslBundle bundle) {
		// the broker's name checked against its certificate, as a browser does
		SslContextBuilder builder = SslContextBuilder.forClient()
			.protocols("TLSv1.3", "TLSv1.2")
			.endpointIdentificationAlgorithm("HTTPS");
		if (bundle != null) {
			builder.trustManager(bundle.getManagers().getTrustManagerFactory());
		}
		try {
			return builder.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("The STOMP relay's TLS settings are unusable", ex);
		}
	}

}
