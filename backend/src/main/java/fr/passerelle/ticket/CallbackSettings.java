package fr.passerelle.ticket;

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
 * The callback policy as national coordinators set it: how many attempts before a request
 * ends unreachable, and how long before the second (later ones wait for the next opening
 * day). The configuration ({@code passerelle.callbacks.*}) gives the first values; a
 * change applies to the next failed attempt, on every instance within seconds.
 */
@Component
class CallbackSettings {

	static final String GROUP = "callbacks";

	static final int MOST_ATTEMPTS = 10;

	static final int SHORTEST_RETRY_MINUTES = 5;

	static final int LONGEST_RETRY_MINUTES = 48 * 60;

	private final ServiceSettings settings;

	private final CallbackPolicyProperties configured;

	private final AuditLog audit;

	CallbackSettings(ServiceSettings settings, CallbackPolicyProperties configured, AuditLog audit) {
		this.settings = settings;
		this.configured = configured;
		this.audit = audit;
	}

	/** The policy in force. */
	CallbackPolicyProperties current() {
		ServiceSettings.Group group = group();
		return new CallbackPolicyProperties(group.number("maxAttempts"),
				Duration.ofMinutes(group.number("retryAfterMinutes")), this.configured.repeatCallerWindow());
	}

	Policy read() {
		ServiceSettings.Group group = group();
		return new Policy(group.number("maxAttempts"), group.number("retryAfterMinutes"), group.version());
	}

	/**
	 * @throws RejectedRequest (400, beside the field) for attempts outside 1 to
	 * {@value #MOST_ATTEMPTS} or a delay outside {@value #SHORTEST_RETRY_MINUTES} min to
	 * 48 h; (403) for a regional coordinator; (409) when the policy changed since read
	 */
	Policy replace(StaffAccount who, Policy wanted) {
		if (who.role() == Role.COORDINATOR && who.regionCode() != null) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "settings.national");
		}
		if (wanted.maxAttempts() < 1 || wanted.maxAttempts() > MOST_ATTEMPTS) {
			throw RejectedRequest.field("maxAttempts", "settings.callbacks.attempts", MOST_ATTEMPTS);
		}
		if (wanted.retryAfterMinutes() < SHORTEST_RETRY_MINUTES || wanted.retryAfterMinutes() > LONGEST_RETRY_MINUTES) {
			throw RejectedRequest.field("retryAfterMinutes", "settings.callbacks.retry", SHORTEST_RETRY_MINUTES,
					LONGEST_RETRY_MINUTES);
		}
		Policy before = read();
		this.settings.replace(GROUP, values(wanted.maxAttempts(), wanted.retryAfterMinutes()), wanted.version());
		this.audit.record(AuditAction.SERVICE_POLICY_CHANGED, "settings/callbacks",
				Map.of("before", values(before.maxAttempts(), before.retryAfterMinutes()), "after",
						values(wanted.maxAttempts(), wanted.retryAfterMinutes())));
		return read();
	}

	private ServiceSettings.Group group() {
		return this.settings.read(GROUP,
				values(this.configured.maxAttempts(), (int) this.configured.retryAfter().toMinutes()));
	}

	private static Map<String, String> values(int maxAttempts, int retryAfterMinutes) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("maxAttempts", String.valueOf(maxAttempts));
		values.put("retryAfterMinutes", String.valueOf(retryAfterMinutes));
		return values;
	}

	/**
	 * The callback policy as read or wanted.
	 *
	 * @param version goes with a change, so that none is overwritten
	 */
	record Policy(int maxAttempts, int retryAfterMinutes, int version) {
	}

}
