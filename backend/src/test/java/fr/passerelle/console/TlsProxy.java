package fr.passerelle.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS-terminating proxy in front of a plain STOMP broker, as RabbitMQ's TLS listener
 * would be: a certificate made for the test by the JDK's keytool, valid for the address
 * given (127.0.0.1, or another one to play a misnamed broker); it listens on 127.0.0.1
 * and counts the TLS sessions it accepted.
 */
final class TlsProxy implements AutoCloseable {

	private static final String PASSWORD = "relay-test-password";

	private final SSLServerSocket server;

	private final Path certificate;

	private final AtomicInteger handshakes = new AtomicInteger();

	private TlsProxy(SSLServerSocket server, Path certificate) {
		this.server = server;
		this.certificate = certificate;
	}

	/** Listens on a free port of 127.0.0.1 and forwards each connection to the broker. */
	static TlsProxy start(Path directory, String brokerHost, int brokerPort) throws Exception {
		return start(directory, "127.0.0.1", brokerHost, brokerPort);
	}

	/**
	 * @param certifiedAddress the address the certificate is valid for
	 */
	static TlsProxy start(Path directory, String certifiedAddress, String brokerHost, int brokerPort) throws Exception {
		Path keystore = directory.resolve("relay-" + certifiedAddress + ".p12");
		Path certificate = directory.resolve("relay-" + certifiedAddress + ".pem");
		keytool("-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=relay",
				"-ext", "SAN=ip:" + certifiedAddress, "-validity", "2", "-keystore", keystore.toString(), "-storetype",
				"PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "relay", "-keystore", keystore.toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			keys.load(in, PASSWORD.toCharArray());
		}
		KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		managers.init(keys, PASSWORD.toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(managers.getKeyManagers(), null, null);
		SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
			.createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		TlsProxy proxy = new TlsProxy(server, certificate);
		Thread acceptor = new Thread(() -> proxy.accept(brokerHost, brokerPort), "tls-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
		return proxy;
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** The broker's certificate, as its operator would hand it out (PEM). */
	Path certificate() {
		return this.certificate;
	}

	int handshakes() {
		return this.handshakes.get();
	}

	private void accept(String brokerHost, int brokerPort) {
		while (!this.server.isClosed()) {
			try {
				SSLSocket client = (SSLSocket) this.server.accept();
				Thread connection = new Thread(() -> forward(client, brokerHost, brokerPort), "tls-proxy-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void forward(SSLSocket client, String brokerHost, int brokerPort) {
		try (client; Socket broker = new Socket(brokerHost, brokerPort)) {
			client.startHandshake();
			this.handshakes.incrementAndGet();
			Thread back = new Thread(() -> pump(broker, client), "tls-proxy-back");
			back.setDaemon(true);
			back.start();
			pump(client, broker);
			back.join(TimeUnit.SECONDS.toMillis(1));
		}
		catch (IOException refused) {
			// an untrusted or misnamed certificate: the client gave up the handshake
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pump(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException closed) {
			// one side went away: the other follows
		}
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
