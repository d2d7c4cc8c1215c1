package fr.passerelle.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing delays, per kind of request.
 *
 * @param liveCall a caller waiting on the line
 * @param callback a request to be called back
 * @param jobsEnabled whether this instance takes part in the scheduled jobs (off in
 * tests, which run them by hand)
 * @param wrapUp after a request leaves a volunteer's hands, how long routing offers them
 * nothing new (notes, the outcome form, a breath); zero for none
 */
@ConfigurationProperties("passerelle.routing")
record RoutingProperties(@DefaultValue Delays liveCall, @DefaultValue Delays callback,
		@DefaultValue("true") boolean jobsEnabled, @DefaultValue("60s") Duration wrapUp) {

	RoutingProperties {
		// Defaults of DESIGN.md §5: minutes for someone on the line, hours for a
		// callback.
		liveCall = liveCall.orDefaults(Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(30));
		callback = callback.orDefaults(Duration.ofHours(2), Duration.ofHours(12), Duration.ofSeconds(120));
	}

	/**
	 * @param regionAfter waiting time after which volunteers of the whole région are
	 * eligible
	 * @param nationalAfter waiting time after which volunteers serving the whole country
	 * are eligible
	 * @param offerTimeout how long a volunteer has to accept an offer
	 */
	record Delays(Duration regionAfter, Duration nationalAfter, Duration offerTimeout) {

		Delays orDefaults(Duration region, Duration national, Duration timeout) {
			return new Delays((this.regionAfter != null) ? this.regionAfter : region,
					(this.nationalAfter != null) ? this.nationalAfter : national,
					(this.offerTimeout != null) ? this.offerTimeout : timeout);
		}

	}

}
