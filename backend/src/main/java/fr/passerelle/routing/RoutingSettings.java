package fr.passerelle.routing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.platform.ServiceSettings;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The routing delays as national coordinators set them: for a caller on the line and for
 * a callback request, how long before the whole région and then the whole country may
 * take it, and how long a volunteer has to accept an offer; and the wrap-up time after a
 * request. The configuration ({@code passerelle.routing.*}) gives the first values; a
 * change applies to the next offer, on every instance within seconds.
 */
@Component
class RoutingSettings {

	static final String GROUP = "routing";

	static final long LONGEST_WAIT_SECONDS = Duration.ofDays(7).toSeconds();

	static final int SHORTEST_OFFER_SECONDS = 10;

	static final int LONGEST_OFFER_SECONDS = 600;

	static final int LONGEST_WRAP_UP_SECONDS = 1800;

	private final ServiceSettings settings;

	private final RoutingProperties configured;

	private final AuditLog audit;

	private volatile InForce inForce;

	RoutingSettings(ServiceSettings settings, RoutingProperties configured, AuditLog audit) {
		this.settings = settings;
		this.configured = configured;
		this.audit = audit;
	}

	/**
	 * The delays in force (read at every routing decision: built again only when they
	 * changed).
	 */
	RoutingProperties current() {
		ServiceSettings.Group group = group();
		InForce inForce = this.inForce;
		if (inForce == null || inForce.group() != group) {
			Delays read = of(group);
			inForce = new InForce(group, new RoutingProperties(read.liveCall().toDelays(), read.callback().toDelays(),
					this.configured.jobsEnabled(), Duration.ofSeconds(read.wrapUpSeconds())));
			this.inForce = inForce;
		}
		return inForce.properties();
	}

	Delays read() {
		return of(group());
	}

	private ServiceSettings.Group group() {
		return this.settings.read(GROUP, values(Delays.of(this.configured, 0)));
	}

	private static Delays of(ServiceSettings.Group group) {
		return new Delays(
				new KindDelays(group.number("live.regionAfter"), group.number("live.nationalAfter"),
						group.number("live.offerTimeout")),
				new KindDelays(group.number("callback.regionAfter"), group.number("callback.nationalAfter"),
						group.number("callback.offerTimeout")),
				group.number("wrapUp"), group.version());
	}

	/**
	 * @throws RejectedRequest (400, beside the field) for a negative delay or one over a
	 * week, the country before the région, an offer shorter than 10 s or longer than 10
	 * min, a wrap-up over 30 min; (403) for a regional coordinator; (409) when the delays
	 * changed since read
	 */
	Delays replace(StaffAccount who, Delays wanted) {
		if (who.role() == Role.COORDINATOR && who.regionCode() != null) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "settings.national");
		}
		check("liveCall", wanted.liveCall());
		check("callback", wanted.callback());
		if (wanted.wrapUpSeconds() < 0 || wanted.wrapUpSeconds() > LONGEST_WRAP_UP_SECONDS) {
			throw RejectedRequest.field("wrapUpSeconds", "settings.routing.wrap-up", LONGEST_WRAP_UP_SECONDS / 60);
		}
		Delays before = read();
		this.settings.replace(GROUP, values(wanted), wanted.version());
		this.audit.record(AuditAction.SERVICE_POLICY_CHANGED, "settings/routing",
				Map.of("before", values(before), "after", values(wanted)));
		return read();
	}

	private static void check(String kind, KindDelays delays) {
		if (delays == null) {
			throw RejectedRequest.field(kind + ".regionAfterSeconds", "settings.routing.wait");
		}
		if (delays.regionAfterSeconds() < 0 || delays.regionAfterSeconds() > LONGEST_WAIT_SECONDS) {
			throw RejectedRequest.field(kind + ".regionAfterSeconds", "settings.routing.wait");
		}
		if (delays.nationalAfterSeconds() < 0 || delays.nationalAfterSeconds() > LONGEST_WAIT_SECONDS) {
			throw RejectedRequest.field(kind + ".nationalAfterSeconds", "settings.routing.wait");
		}
		if (delays.nationalAfterSeconds() < delays.regionAfterSeconds()) {
			throw RejectedRequest.field(kind + ".nationalAfterSeconds", "settings.routing.country-before-region");
		}
		if (delays.offerTimeoutSeconds() < SHORTEST_OFFER_SECONDS
				|| delays.offerTimeoutSeconds() > LONGEST_OFFER_SECONDS) {
			throw RejectedRequest.field(kind + ".offerTimeoutSeconds", "settings.routing.offer", SHORTEST_OFFER_SECONDS,
					LONGEST_OFFER_SECONDS / 60);
		}
	}

	private static Map<String, String> values(Delays delays) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("live.regionAfter", String.valueOf(delays.liveCall().regionAfterSeconds()));
		values.put("live.nationalAfter", String.valueOf(delays.liveCall().nationalAfterSeconds()));
		values.put("live.offerTimeout", String.valueOf(delays.liveCall().offerTimeoutSeconds()));
		values.put("callback.regionAfter", String.valueOf(delays.callback().regionAfterSeconds()));
		values.put("callback.nationalAfter", String.valueOf(delays.callback().nationalAfterSeconds()));
		values.put("callback.offerTimeout", String.valueOf(delays.callback().offerTimeoutSeconds()));
		values.put("wrapUp", String.valueOf(delays.wrapUpSeconds()));
		return values;
	}

	private record InForce(ServiceSettings.Group group, RoutingProperties properties) {
	}

	/**
	 * The routing delays as read or wanted, in seconds.
	 *
	 * @param version goes with a change, so that none is overwritten
	 */
	record Delays(KindDelays liveCall, KindDelays callback, int wrapUpSeconds, int version) {

		static Delays of(RoutingProperties properties, int version) {
			return new Delays(KindDelays.of(properties.liveCall()), KindDelays.of(properties.callback()),
					(int) properties.wrapUp().toSeconds(), version);
		}

	}

	/** The delays of one kind of request, in seconds. */
	record KindDelays(int regionAfterSeconds, int nationalAfterSeconds, int offerTimeoutSeconds) {

		static KindDelays of(RoutingProperties.Delays delays) {
			return new KindDelays((int) delays.regionAfter().toSeconds(), (int) delays.nationalAfter().toSeconds(),
					(int) delays.offerTimeout().toSeconds());
		}

		RoutingProperties.Delays toDelays() {
			return new RoutingProperties.Delays(Duration.ofSeconds(this.regionAfterSeconds),
					Duration.ofSeconds(this.nationalAfterSeconds), Duration.ofSeconds(this.offerTimeoutSeconds));
		}

	}

}
