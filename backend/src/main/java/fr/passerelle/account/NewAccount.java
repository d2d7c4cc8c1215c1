package fr.passerelle.account;

/**
 * What it takes to open a staff account.
 *
 * @param email sign-in address, unique
 * @param displayName name shown to colleagues
 * @param role what the account may do
 * @param regionCode région of a regional coordinator, or {@code null}
 * @param password initial password, checked against the password policy
 * @param passwordChangeRequired whether the first sign-in must change it
 */
public record NewAccount(String email, String displayName, Role role, String regionCode, String password,
		boolean passwordChangeRequired) {

	public static NewAccount of(String email, String displayName, Role role, String password) {
		return new NewAccount(email, displayName, role, null, password, false);
	}

	public NewAccount inRegion(String regionCode) {
		return new NewAccount(this.email, this.displayName, this.role, regionCode, this.password,
				this.passwordChangeRequired);
	}

}
