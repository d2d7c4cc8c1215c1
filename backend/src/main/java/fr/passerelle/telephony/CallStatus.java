package fr.passerelle.telephony;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A call's status as Twilio reports it ({@code CallStatus}), ranked so that a status
 * never moves backwards.
 */
enum CallStatus {

	QUEUED("queued", 0), INITIATED("initiated", 0), RINGING("ringing", 1), IN_PROGRESS("in-progress", 2),
	COMPLETED("completed", 3), BUSY("busy", 3), FAILED("failed", 3), NO_ANSWER("no-answer", 3), CANCELED("canceled", 3);

	/** A caller who hangs up sooner has not really called (DESIGN.md §7). */
	static final Duration SHORT_ABANDON = Duration.ofSeconds(5);

	private final String twilioName;

	private final int rank;

	CallStatus(String twilioName, int rank) {
		this.twilioName = twilioName;
		this.rank = rank;
	}

	static Optional<CallStatus> of(String twilioName) {
		return Arrays.stream(values()).filter((status) -> status.twilioName.equals(twilioName)).findFirst();
	}

	String twilioName() {
		return this.twilioName;
	}

	int rank() {
		return this.rank;
	}

	boolean ended() {
		return this.rank == 3;
	}

	/** The call never connected. */
	boolean failed() {
		return this == BUSY || this == FAILED || this == NO_ANSWER || this == CANCELED;
	}

}
