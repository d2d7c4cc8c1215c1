package fr.passerelle.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in slows down password guessing. Past the free attempts of a subject within
 * the window, each further attempt waits twice as long as the one before, from one second
 * up to a ceiling: for one account from one address, up to the whole window; for one
 * account from all addresses together, far less, so that an attacker elsewhere never
 * locks the real user out; for one address, across all accounts, up to the whole window.
 */
@ConfigurationProperties("passerelle.login")
record LoginThrottleProperties(@DefaultValue("15m") Duration window, @DefaultValue("5") int maxFailuresPerAccount,
		@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("20") int maxFailuresAcrossAddresses,
		@DefaultValue("30s") Duration longestDelayAcrossAddresses) {
}
