package fr.passerelle.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.stereotype.Component;

/**
 * Whether the consoles' broker answers ({@code consoleBroker} in the health report). The
 * in-memory broker always does; RabbitMQ, when relayed to, may not, and then no console
 * connects while the rest of the platform keeps working. It weighs on the overall health,
 * not on the liveness and readiness probes: an instance without it still serves citizens
 * and Twilio.
 */
@Component("consoleBroker")
class ConsoleBrokerHealth implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(ConsoleBrokerHealth.class);

	private final boolean relayed;

	private volatile boolean available;

	/** Whether the application is stopping: then the broker goes away as expected. */
	private volatile boolean stopping;

	ConsoleBrokerHealth(ConsoleChannel channel, MeterRegistry meters) {
		this.relayed = channel.relayed();
		Gauge.builder("passerelle.console.broker.available", this, (health) -> health.available ? 1 : 0)
			.description("Whether the consoles' broker answers (1) or not (0)")
			.register(meters);
	}

	@EventListener
	void on(BrokerAvailabilityEvent event) {
		boolean before = this.available;
		this.available = event.isBrokerAvailable();
		if (this.relayed && !this.stopping && before != this.available) {
			if (this.available) {
				logger.info("Consoles' broker available: consoles may connect");
			}
			else {
				logger.warn("Consoles' broker unavailable: no console can connect until it answers again");
			}
		}
	}

	/**
	 * Warns when a relayed broker has not answered since the start: Spring retries
	 * quietly.
	 */
	void warnIfNeverReached() {
		if (this.relayed && !this.stopping && !this.available) {
			logger.warn("Consoles' broker unavailable since the start: no console can connect until it answers");
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.stopping = true;
	}

	@Override
	public Health health() {
		Health.Builder health = this.available ? Health.up() : Health.down();
		return health.withDetail("broker", this.relayed ? "RabbitMQ (STOMP relay)" : "in memory").build();
	}

}
