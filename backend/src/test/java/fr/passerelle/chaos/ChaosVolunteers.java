package fr.passerelle.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.passerelle.PasserelleApplication;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.volunteer.Volunteers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fault runs' volunteers, opened as a coordinator would leave them (registered,
 * qualified, serving the départements the citizens call from), through the application's
 * own code in a short-lived instance on the run's database.
 */
final class ChaosVolunteers {

	static final String PASSWORD = "fault runs volunteer password";

	/** Where the runs' citizens live (Journeys' postcodes). */
	private static final Set<String> DEPARTEMENTS = Set.of("35", "13", "69", "75", "59", "33", "29", "2A", "67");

	private ChaosVolunteers() {
	}

	/**
	 * @param settings the instances' settings, as Spring properties
	 * @return the volunteers' sign-in addresses
	 */
	static List<String> open(Map<String, Object> settings, int count) {
		List<String> emails = new ArrayList<>();
		Map<String, Object> arguments = new LinkedHashMap<>(settings);
		arguments.putAll(Map.of("server.port", "0", "passerelle.routing.jobs-enabled", "false",
				"passerelle.telephony.spool-replay-enabled", "false", "passerelle.console.relay.host", "",
				"spring.main.banner-mode", "off"));
		// as command-line arguments, which take precedence over application.properties
		String[] args = arguments.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PasserelleApplication.class).run(args)) {
			AccountManagement accounts = app.getBean(AccountManagement.class);
			Volunteers volunteers = app.getBean(Volunteers.class);
			for (int i = 1; i <= count; i++) {
				String email = "benevole-" + i + "@chaos.test";
				long id = accounts.open(NewAccount.of(email, "Bénévole " + i, Role.VOLUNTEER, PASSWORD)).id();
				volunteers.register(id, "75", Set.of("CAF", "TAXES"));
				volunteers.configureRouting(id, Set.of("fr"), 1, DEPARTEMENTS, Set.of(), false);
				volunteers.qualify(id);
				emails.add(email);
			}
		}
		return emails;
	}

}
