package fr.passerelle;

import java.security.SecureRandom;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;

/**
 * Opens accounts with unique addresses, so that tests never depend on each other's data
 * (nor on an empty database). Coordinators and administrators, who must sign in with a
 * second factor, get one at once; {@link StaffClient#login} then signs in with their
 * recovery codes, one per sign-in, so that tests need not wait for the next time step of
 * the app's codes (which {@code TwoFactorIntegrationTests} tests on their own).
 */
public final class TestAccounts {

	public static final String PASSWORD = "a long enough test password";

	private static final Map<String, Deque<String>> RECOVERY_CODES = new ConcurrentHashMap<>();

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestAccounts() {
	}

	public static StaffAccount open(AccountManagement accounts, Role role) {
		return open(accounts, NewAccount.of(uniqueEmail(role), "Test " + role, role, PASSWORD));
	}

	/**
	 * Opens this account, with its second factor when its role requires one.
	 */
	public static StaffAccount open(AccountManagement accounts, NewAccount request) {
		StaffAccount account = accounts.open(request);
		if (account.role() != Role.VOLUNTEER) {
			enrol(accounts, account, TestTotp.randomSecret());
		}
		return account;
	}

	/**
	 * Sets up an account's second factor with this secret, and keeps its recovery codes
	 * for {@link StaffClient#login}.
	 */
	public static void enrol(AccountManagement accounts, StaffAccount account, String secret) {
		RECOVERY_CODES.put(account.email().toLowerCase(Locale.ROOT),
				new ConcurrentLinkedDeque<>(accounts.enrolTwoFactor(account.id(), secret)));
	}

	/**
	 * An unused recovery code of an account opened here, {@code null} for one without.
	 */
	public static String nextRecoveryCode(String email) {
		Deque<String> codes = RECOVERY_CODES.get(email.toLowerCase(Locale.ROOT));
		return (codes != null) ? codes.poll() : null;
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

	static SecureRandom random() {
		return RANDOM;
	}

	public static String uniqueEmail(Role role) {
		return role.name().toLowerCase() + "-" + UUID.randomUUID() + "@passerelle.test";
	}

}
