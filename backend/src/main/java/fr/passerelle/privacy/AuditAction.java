package fr.passerelle.privacy;

/**
 * What an entry of the audit log records.
 */
public enum AuditAction {

	/** A staff member signed in. */
	SIGN_IN,

	/**
	 * A sign-in was refused (wrong password, disabled account); the address is kept only
	 * when it is an account's.
	 */
	SIGN_IN_FAILED,

	/**
	 * A signed-in staff member was refused an action or a request outside their rights.
	 */
	ACCESS_REFUSED,

	/** An administrator changed an account's role, région or whether it may sign in. */
	ACCOUNT_CHANGED,

	/**
	 * An administrator opened a coordinator's or an administrator's account and sent them
	 * an invitation (or sent it again).
	 */
	ACCOUNT_INVITED,

	/** An invited staff member chose their password with their invitation's link. */
	INVITATION_ACCEPTED,

	/** Someone who signed up confirmed their address with the link sent to it. */
	EMAIL_CONFIRMED,

	/**
	 * A sign-up whose address was never confirmed was erased, with its volunteer's
	 * profile.
	 */
	SIGN_UP_ERASED,

	/** A coordinator approved a volunteer's account. */
	ACCOUNT_APPROVED,

	/** A staff member changed their password. */
	PASSWORD_CHANGED,

	/** Someone asked for a password reset link for this account (sent to its address). */
	PASSWORD_RESET_REQUESTED,

	/** A password was replaced through a reset link; the account's sessions ended. */
	PASSWORD_RESET,

	/** A staff member set up two-factor authentication (or moved it to a new device). */
	TWO_FACTOR_ENABLED,

	/** A volunteer turned two-factor authentication off. */
	TWO_FACTOR_DISABLED,

	/** An administrator reset a staff member's two-factor authentication. */
	TWO_FACTOR_RESET,

	/** A staff member replaced their recovery codes. */
	RECOVERY_CODES_RENEWED,

	/** A staff member signed in with one of their recovery codes. */
	RECOVERY_CODE_USED,

	/** A staff member ended some of their other sessions. */
	SESSIONS_ENDED,

	/** A coordinator blocked a number. */
	NUMBER_BLOCKED,

	/** A coordinator unblocked a number. */
	NUMBER_UNBLOCKED,

	/** A staff member read a request with its personal data. */
	REQUEST_READ,

	/** The phone numbers were sealed again under new keys. */
	KEYS_ROTATED,

	/** A citizen's access request was answered: everything kept about their number. */
	ACCESS_REQUEST_ANSWERED,

	/** What was kept about a citizen's number was erased at their request. */
	ERASURE_DONE,

	/** A national coordinator changed the targets the figures are coloured against. */
	TARGETS_CHANGED,

	/**
	 * A coordinator changed a volunteer's themes, languages, territories served or
	 * capacity.
	 */
	VOLUNTEER_PROFILE_CHANGED,

	/** A coordinator changed a volunteer's weekly shifts. */
	VOLUNTEER_SHIFTS_CHANGED,

	/** A coordinator vouched for a volunteer's training, done in person. */
	TRAINING_VALIDATED,

	/** A national coordinator or an administrator changed the weekly opening hours. */
	OPENING_HOURS_CHANGED,

	/** An exceptional closure or opening was added. */
	SERVICE_EXCEPTION_ADDED,

	/** An exceptional closure or opening was removed. */
	SERVICE_EXCEPTION_REMOVED,

	/** The themes or the phone menu changed (labels, spoken prompts, order, keys). */
	TOPIC_MENU_CHANGED,

	/** The callback policy (attempts, delays) or the routing delays changed. */
	SERVICE_POLICY_CHANGED,

	/**
	 * A coordinator acted on a request from the worklist: prioritised, rescheduled, gave
	 * it to a volunteer, or cancelled it.
	 */
	REQUEST_CHANGED

}
