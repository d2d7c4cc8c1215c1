package fr.passerelle.account;

/**
 * A staff member as other modules see them.
 *
 * @param id account identifier
 * @param email sign-in address
 * @param displayName name shown to colleagues
 * @param role what they may do
 * @param regionCode région of a regional coordinator; {@code null} for a national one and
 * for other roles
 */
public record StaffAccount(long id, String email, String displayName, Role role, String regionCode) {

	public boolean isNational() {
		return this.regionCode == null;
	}

}
