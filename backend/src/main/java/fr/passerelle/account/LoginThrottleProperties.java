package fr.passerelle.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins are tolerated within a sliding window, per account and per
 * network address.
 */
@ConfigurationProperties("passerelle.login")
record LoginThrottleProperties(@DefaultValue("15m") Duration window, @DefaultValue("5") int maxFailuresPerAccount,
		@DefaultValue("20") int maxFailuresPerAddress) {
}
