package fr.passerelle.console;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ConsoleBrokerHealthTests {

	@Test
	void followsTheRelayedBrokersAvailability() {
		ConsoleBrokerHealth health = new ConsoleBrokerHealth(new ConsoleChannel(properties("rabbitmq.internal")),
				new SimpleMeterRegistry());
		assertThat(health.health().getStatus()).as("before the relay connects").isEqualTo(Status.DOWN);

		health.on(new BrokerAvailabilityEvent(true, this));
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(health.health().getDetails()).containsEntry("broker", "RabbitMQ (STOMP relay)");

		health.on(new BrokerAvailabilityEvent(false, this));
		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void tellsPrometheusWhetherTheBrokerAnswers() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ConsoleBrokerHealth health = new ConsoleBrokerHealth(new ConsoleChannel(properties("rabbitmq.internal")),
				meters);

		health.on(new BrokerAvailabilityEvent(true, this));
		assertThat(meters.get("passerelle.console.broker.available").gauge().value()).isEqualTo(1);

		health.on(new BrokerAvailabilityEvent(false, this));
		assertThat(meters.get("passerelle.console.broker.available").gauge().value()).isZero();
	}

	@Test
	void staysQuietWhenTheBrokerGoesAwayBecauseTheApplicationStops(CapturedOutput output) {
		ConsoleBrokerHealth health = new ConsoleBrokerHealth(new ConsoleChannel(properties("rabbitmq.internal")),
				new SimpleMeterRegistry());
		health.on(new BrokerAvailabilityEvent(true, this));
		health.stopping();
		health.on(new BrokerAvailabilityEvent(false, this));
		assertThat(output).doesNotContain("Consoles' broker unavailable");

		ConsoleBrokerHealth running = new ConsoleBrokerHealth(new ConsoleChannel(properties("rabbitmq.internal")),
				new SimpleMeterRegistry());
		running.on(new BrokerAvailabilityEvent(true, this));
		running.on(new BrokerAvailabilityEvent(false, this));
		assertThat(output).contains("Consoles' broker unavailable");
	}

	@Test
	void warnsOfARelayedBrokerNeverReachedSinceTheStart(CapturedOutput output) {
		new ConsoleBrokerHealth(new ConsoleChannel(properties("")), new SimpleMeterRegistry()).warnIfNeverReached();
		ConsoleBrokerHealth reached = new ConsoleBrokerHealth(new ConsoleChannel(properties("rabbitmq.internal")),
				new SimpleMeterRegistry());
		reached.on(new BrokerAvailabilityEvent(true, this));
		reached.warnIfNeverReached();
		assertThat(output).doesNotContain("unavailable since the start");

		new ConsoleBrokerHealth(new ConsoleChannel(properties("rabbitmq.internal")), new SimpleMeterRegistry())
			.warnIfNeverReached();
		assertThat(output).contains("Consoles' broker unavailable since the start");
	}

	@Test
	void namesTheInMemoryBroker() {
		ConsoleBrokerHealth health = new ConsoleBrokerHealth(new ConsoleChannel(properties("")),
				new SimpleMeterRegistry());
		health.on(new BrokerAvailabilityEvent(true, this));
		assertThat(health.health().getDetails()).containsEntry("broker", "in memory");
	}

	private static ConsoleProperties properties(String relayHost) {
		return new ConsoleProperties(List.of(), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(500),
				DataSize.ofKilobytes(16), Duration.ofSeconds(10), DataSize.ofKilobytes(512),
				new ConsoleProperties.Relay(relayHost, 61613, "guest", "guest", "/", false, ""), Duration.ofSeconds(2));
	}

}
