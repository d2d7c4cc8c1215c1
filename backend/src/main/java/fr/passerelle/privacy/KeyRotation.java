package fr.passerelle.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * Seals every kept number again under the current key version, and hashes it again: after
 * an operator made new keys current and moved the old ones to
 * {@code passerelle.privacy.retired-keys.<version>} (see deploy/README.md). Once it has
 * run, the retired keys can be removed from the configuration.
 */
@Service
public class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final PhoneVault vault;

	private final List<SealedNumbers> sealed;

	private final AuditLog audit;

	KeyRotation(PhoneVault vault, List<SealedNumbers> sealed, AuditLog audit) {
		this.vault = vault;
		this.sealed = sealed;
		this.audit = audit;
	}

	/**
	 * @return how many numbers were sealed again, by what holds them
	 */
	public Map<String, Integer> rotate() {
		Map<String, Integer> report = new LinkedHashMap<>();
		for (SealedNumbers numbers : this.sealed) {
			int count = numbers.sealAgain(this.vault);
			report.put(numbers.name(), count);
			log.info("Key rotation: {} number(s) of {} sealed again under key version {}", count, numbers.name(),
					this.vault.keyVersion());
		}
		this.audit.record(AuditAction.KEYS_ROTATED, null, null,
				Map.of("keyVersion", this.vault.keyVersion(), "sealedAgain", report));
		return report;
	}

	/**
	 * {@code --passerelle.privacy.rotate-keys=true}: rotates, then stops the application
	 * (run it with the service stopped, with {@code --server.port=0} so that it does not
	 * take the service's port).
	 */
	@Component
	@ConditionalOnProperty(name = "passerelle.privacy.rotate-keys", havingValue = "true")
	static class Command {

		private final KeyRotation rotation;

		private final ConfigurableApplicationContext context;

		Command(KeyRotation rotation, ConfigurableApplicationContext context) {
			this.rotation = rotation;
			this.context = context;
		}

		/** Once the application has started (its other start-up tasks done). */
		@EventListener(ApplicationReadyEvent.class)
		public void run() {
			Map<String, Integer> report = this.rotation.rotate();
			log.info("Key rotation done: {}", report);
			SpringApplication.exit(this.context, () -> 0);
		}

	}

}
