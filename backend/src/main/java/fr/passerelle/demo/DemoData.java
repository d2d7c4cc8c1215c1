package fr.passerelle.demo;

import java.util.List;
import java.util.Set;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.volunteer.Volunteers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo accounts that do not exist yet, and prints how to sign in with them.
 */
@Component
@Order(1)
@Conditional(DemoEnabledCondition.class)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "passerelle-demo";

	/**
	 * The demonstration's coordinators and administrator share this two-factor secret
	 * (Base32), published in the README so that anyone can explore the demo: an
	 * authenticator app reads it, or {@code oathtool --totp -b} computes the code.
	 */
	static final String TWO_FACTOR_SECRET = "PASSERELLEDEMOTOTPSECRETKEY23456";

	static final List<DemoStaff> STAFF = List.of(
			new DemoStaff("coordination@passerelle.demo", "Claire Martin", Role.COORDINATOR, null, null, Set.of(),
					Set.of(), 0, Set.of(), false),
			new DemoStaff("administration@passerelle.demo", "Nadia Lefèvre", Role.ADMIN, null, null, Set.of(), Set.of(),
					0, Set.of(), false),
			new DemoStaff("coordination.ara@passerelle.demo", "Karim Haddad", Role.COORDINATOR, "84", null, Set.of(),
					Set.of(), 0, Set.of(), false),
			new DemoStaff("benevole.paris@passerelle.demo", "Sophie Bernard", Role.VOLUNTEER, null, "75",
					Set.of("CAF", "HEALTH", "TAXES", "OTHER"), Set.of("fr", "en"), 2, Set.of(), true),
			new DemoStaff("benevole.lyon@passerelle.demo", "Thomas Petit", Role.VOLUNTEER, null, "69",
					Set.of("EMPLOYMENT", "IDENTITY", "EMAIL_DEVICES"), Set.of("fr"), 1, Set.of("84"), false),
			new DemoStaff("benevole.rennes@passerelle.demo", "Nolwenn Le Gall", Role.VOLUNTEER, null, "35",
					Set.of("RETIREMENT", "HEALTH", "BANKING"), Set.of("fr"), 1, Set.of("53"), false),
			new DemoStaff("benevole.marseille@passerelle.demo", "Yasmina Benali", Role.VOLUNTEER, null, "13",
					Set.of("CAF", "HOUSING", "IDENTITY", "OTHER"), Set.of("fr", "ar"), 1, Set.of(), false),
			new DemoStaff("benevole.reunion@passerelle.demo", "Jean-Marc Payet", Role.VOLUNTEER, null, "974",
					Set.of("CAF", "TAXES", "EMAIL_DEVICES", "OTHER"), Set.of("fr", "rcf"), 1, Set.of(), false));

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AccountManagement accounts;

	private final Volunteers volunteers;

	DemoData(AccountManagement accounts, Volunteers volunteers) {
		this.accounts = accounts;
		this.volunteers = volunteers;
	}

	@Override
	public void run(ApplicationArguments args) {
		StringBuilder logins = new StringBuilder();
		for (DemoStaff staff : STAFF) {
			StaffAccount account = this.accounts.findByEmail(staff.email())
				.orElseGet(() -> this.accounts
					.open(NewAccount.of(staff.email(), staff.name(), staff.role(), PASSWORD).inRegion(staff.region())));
			if (staff.role() != Role.VOLUNTEER && !this.accounts.hasTwoFactor(account.id())) {
				this.accounts.enrolTwoFactor(account.id(), TWO_FACTOR_SECRET);
			}
			if (staff.departement() != null && this.volunteers.find(account.id()).isEmpty()) {
				this.volunteers.register(account.id(), staff.departement(), staff.skills());
				Set<String> departements = new java.util.HashSet<>(Set.of(staff.departement()));
				this.volunteers.configureRouting(account.id(), staff.languages(), staff.capacity(), departements,
						staff.regions(), staff.national());
				this.volunteers.qualify(account.id());
			}
			logins.append(String.format("%n  %-36s %s", staff.email(), staff.describe()));
		}
		log.info("Demo accounts (password for all: {}):{}", PASSWORD, logins);
		log.info(
				"Demo two-factor secret of the coordinators and the administrator: {} "
						+ "(add it to an authenticator app, or run: oathtool --totp -b {})",
				TWO_FACTOR_SECRET, TWO_FACTOR_SECRET);
	}

	/**
	 * A demo account; volunteers also get languages, capacity, the régions they serve
	 * besides their own département, and whether they serve the whole country.
	 */
	record DemoStaff(String email, String name, Role role, String region, String departement, Set<String> skills,
			Set<String> languages, int capacity, Set<String> regions, boolean national) {

		String describe() {
			return switch (this.role) {
				case COORDINATOR ->
					(this.region != null) ? "regional coordinator, région " + this.region : "national coordinator";
				case VOLUNTEER -> "volunteer, département " + this.departement
						+ (this.national ? " (serves the whole country)"
								: this.regions.isEmpty() ? ""
										: " (serves région " + String.join(", ", this.regions) + ")")
						+ ", skills " + String.join(", ", this.skills.stream().sorted().toList());
				case ADMIN -> "administrator";
			};
		}

	}

}
