package fr.passerelle.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("account")
class Account {

	@Id
	private Long id;

	private final String email;

	private final String displayName;

	private String passwordHash;

	private Role role;

	private String regionCode;

	private boolean enabled;

	private boolean passwordChangeRequired;

	private final Instant createdAt;

	private Instant passwordChangedAt;

	private Instant approvedAt;

	private Instant twoFactorEnabledAt;

	/**
	 * When its holder proved the address is theirs; null for a sign-up not confirmed yet.
	 */
	private Instant emailConfirmedAt;

	@Version
	private Long version;

	Account(Long id, String email, String displayName, String passwordHash, Role role, String regionCode,
			boolean enabled, boolean passwordChangeRequired, Instant createdAt, Instant passwordChangedAt,
			Instant approvedAt, Instant twoFactorEnabledAt, Instant emailConfirmedAt, Long version) {
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.regionCode = regionCode;
		this.enabled = enabled;
		this.passwordChangeRequired = passwordChangeRequired;
		this.createdAt = createdAt;
		this.passwordChangedAt = passwordChangedAt;
		this.approvedAt = approvedAt;
		this.twoFactorEnabledAt = twoFactorEnabledAt;
		this.emailConfirmedAt = emailConfirmedAt;
		this.version = version;
	}

	static Account open(String email, String displayName, String passwordHash, Role role, String regionCode,
			boolean passwordChangeRequired, boolean approved, Instant now) {
		// an account someone trusted is opened confirmed (an invitation's link then
		// proves
		// the address); a sign-up waits for its holder to open the link sent to it
		return new Account(null, email, displayName, passwordHash, role, regionCode, true, passwordChangeRequired, now,
				now, approved ? now : null, null, approved ? now : null, null);
	}

	boolean emailConfirmed() {
		return this.emailConfirmedAt != null;
	}

	/**
	 * Records that the holder opened a link sent to the address; confirming again changes
	 * nothing.
	 */
	void confirmEmail(Instant now) {
		if (this.emailConfirmedAt == null) {
			this.emailConfirmedAt = now;
		}
	}

	/**
	 * Lets the account use the staff API; approving again changes nothing.
	 */
	void approve(Instant now) {
		if (this.approvedAt == null) {
			this.approvedAt = now;
		}
	}

	void twoFactorEnabled(Instant now) {
		this.twoFactorEnabledAt = now;
	}

	void twoFactorDisabled() {
		this.twoFactorEnabledAt = null;
	}

	boolean hasTwoFactor() {
		return this.twoFactorEnabledAt != null;
	}

	/**
	 * Whether this account must sign in with a second factor: coordinators and
	 * administrators must, volunteers may.
	 */
	boolean twoFactorMandatory() {
		return this.role != Role.VOLUNTEER;
	}

	void changeRole(Role role, String regionCode) {
		this.role = role;
		this.regionCode = regionCode;
	}

	void enable(boolean enabled) {
		this.enabled = enabled;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangeRequired = false;
		this.passwordChangedAt = now;
	}

	StaffAccount view() {
		return new StaffAccount(this.id, this.email, this.displayName, this.role, this.regionCode);
	}

	Long id() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	boolean enabled() {
		return this.enabled;
	}

	boolean passwordChangeRequired() {
		return this.passwordChangeRequired;
	}

	boolean approved() {
		return this.approvedAt != null;
	}

	String regionCode() {
		return this.regionCode;
	}

	String displayName() {
		return this.displayName;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Long version() {
		return this.version;
	}

}
