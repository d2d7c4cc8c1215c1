package fr.passerelle;

import java.util.UUID;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;

/**
 * Opens accounts with unique addresses, so that tests never depend on each other's data
 * (nor on an empty database).
 */
public final class TestAccounts {

	public static final String PASSWORD = "a long enough test password";

	private TestAccounts() {
	}

	public static StaffAccount open(AccountManagement accounts, Role role) {
		return accounts.open(NewAccount.of(uniqueEmail(role), "Test " + role, role, PASSWORD));
	}

	/**
	 * Opens an account of this role and signs in with it over HTTP.
	 */
	public static StaffClient signedIn(AccountManagement accounts, Role role, int port) {
		StaffAccount account = open(accounts, role);
		StaffClient client = new StaffClient(port);
		client.login(account.email(), PASSWORD);
		return client;
	}

	public static String uniqueEmail(Role role) {
		return role.name().toLowerCase() + "-" + UUID.randomUUID() + "@passerelle.test";
	}

}
