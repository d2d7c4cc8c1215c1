package fr.passerelle.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard we try to call a citizen back.
 *
 * @param maxAttempts attempts before a ticket ends unreachable
 * @param retryAfter delay before the second attempt; later ones wait for the next opening
 * day
 * @param repeatCallerWindow how long a number counts as a repeat caller after an earlier
 * request
 */
@ConfigurationProperties("passerelle.callbacks")
record CallbackPolicyProperties(@DefaultValue("3") int maxAttempts, @DefaultValue("2h") Duration retryAfter,
		@DefaultValue("7d") Duration repeatCallerWindow) {
}
