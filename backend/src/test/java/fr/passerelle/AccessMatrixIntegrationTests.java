package fr.passerelle;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.console.ConsoleStompClient;
import fr.passerelle.privacy.Blocklist;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.routing.Routing;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.volunteer.Onboarding;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, asked of the running application over real HTTP and a real STOMP
 * connection: every REST endpoint and every STOMP destination, with every kind of caller.
 * The endpoints are read from the application itself, so that an endpoint added without
 * its row here fails this test (as does a row left for an endpoint that is gone).
 * <p>
 * The request every ticket row works on is held by {@link Subject#VOLUNTEER}, in the
 * Vendée (85, Pays de la Loire), where no other test works; a fresh volunteer holds a
 * fresh request for each row, so that what one row changes (releasing it, closing it)
 * does not decide another's answer. Allowed callers send an empty body: what matters here
 * is that they get past the access checks (a 400 for the missing fields), not what the
 * action does, which the modules' own tests show.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

	private static final String DEPARTEMENT = "85";

	private static final String POSTCODE = "85000";

	private static final String REGION = "52";

	private static final String PUBLISHED_TUTORIAL = "declarer-ses-revenus";

	/** The callers, in the order they are tried: those who must be refused first. */
	enum Subject {

		VISITOR, UNAPPROVED, OTHER_VOLUNTEER, OTHER_REGION_COORDINATOR, VOLUNTEER, NATIONAL_COORDINATOR, ADMIN

	}

	/**
	 * The answer each caller gets: {@code ok} (past the access checks: neither 401, 403,
	 * 404, 405 nor 5xx), or an exact status. {@code PUBLIC} means that everyone gets the
	 * same answer, whoever they are (neither 401, 403 nor 5xx).
	 */
	enum Access {

		// visitor, unapproved, other volunteer, other-région coordinator, volunteer,
		// national coordinator, administrator
		PUBLIC(null),
		/** Twilio's webhooks: refused without Twilio's signature, whoever calls. */
		TWILIO_SIGNED("403 403 403 403 403 403 403"),
		/** The simulated Twilio REST API: refused without the account's credentials. */
		TWILIO_CREDENTIALS("401 401 401 401 401 401 401"),
		/** Any signed-in account, approved or not. */
		SIGNED_IN("401 ok ok ok ok ok ok"),
		/** Training, approved or not (coordinators try the training phone too). */
		ONBOARDING("401 ok ok ok ok ok ok"),
		/** A volunteer's own profile, approved or not: coordinators have none. */
		VOLUNTEER_PROFILE("401 ok ok 404 ok 404 404"),
		/** Any approved staff member. */
		STAFF("401 403 ok ok ok ok ok"),
		/** An approved volunteer's console: coordinators have no presence to set. */
		VOLUNTEER_CONSOLE("401 403 ok 404 ok 404 404"),
		/** A request, read by whoever has a current link to it. */
		TICKET("401 403 404 404 ok ok ok"),
		/** A request, acted upon by its holder only. */
		TICKET_HOLDER("401 403 404 404 ok 404 404"),
		/** By its holder only; those who may read it are told they do not hold it. */
		TICKET_HOLDER_SEEN_403("401 403 404 404 ok 403 403"),
		/** By its holder only; those who may read it are told they do not hold it. */
		TICKET_HOLDER_SEEN_409("401 403 404 404 ok 409 409"),
		/**
		 * A request offered to or held by the caller: another volunteer learns nothing.
		 */
		TICKET_OFFER("401 403 409 404 ok 404 404"),
		/** Declining something not offered changes nothing and tells nothing. */
		TICKET_DECLINE("401 403 ok 404 ok 404 404"),
		/** Coordinators (of any région, or national) and administrators. */
		COORDINATOR("401 403 403 ok 403 ok ok"),
		/**
		 * A coordinator of the request's (or the applicant's) région, a national one, or
		 * an administrator.
		 */
		REGIONAL("401 403 403 404 403 ok ok"),
		/** National coordinators and administrators. */
		NATIONAL("401 403 403 403 403 ok ok"),
		/**
		 * A volunteer's file: a coordinator of their région (refused to others'), a
		 * national one, or an administrator.
		 */
		VOLUNTEER_FILE("401 403 403 403 403 ok ok"),
		/** A draft, by its author and the editors (coordinators, administrators). */
		DRAFT("401 403 403 ok ok ok ok"),
		/** Administrators only. */
		ADMIN("401 403 403 403 403 403 ok"),
		/** Administrators only, outside the API (unknown to visitors). */
		ADMIN_OPERATIONS("404 403 403 403 403 403 ok"),
		/** The figures of a région: for those who serve, coordinate or oversee it. */
		REGION_FIGURES("401 403 ok 403 ok ok ok"),
		/** Nobody: every action goes through the REST API. */
		NOBODY("401 403 403 403 403 403 403");

		final Map<Subject, String> answers = new EnumMap<>(Subject.class);

		Access(String answers) {
			if (answers != null) {
				String[] each = answers.split(" ");
				// written in the order of the javadoc (the volunteer after the other
				// caller kinds) as the table reads best
				Subject[] order = { Subject.VISITOR, Subject.UNAPPROVED, Subject.OTHER_VOLUNTEER,
						Subject.OTHER_REGION_COORDINATOR, Subject.VOLUNTEER, Subject.NATIONAL_COORDINATOR,
						Subject.ADMIN };
				for (int i = 0; i < order.length; i++) {
					this.answers.put(order[i], each[i]);
				}
			}
		}

	}

	/** Every endpoint of the application, with who may call it. */
	private static final Map<String, Access> REST = new LinkedHashMap<>();

	static {
		// citizen site
		rest("GET /", Access.PUBLIC);
		rest("GET /accessibilite", Access.PUBLIC);
		rest("GET /donnees-personnelles", Access.PUBLIC);
		rest("GET /donnees", Access.PUBLIC);
		rest("GET /donnees/activite.csv", Access.PUBLIC);
		rest("GET /rappel", Access.PUBLIC);
		rest("POST /rappel", Access.PUBLIC);
		rest("GET /tutoriels", Access.PUBLIC);
		rest("GET /tutoriels/recherche", Access.PUBLIC);
		rest("GET /tutoriels/{slug}", Access.PUBLIC);
		rest("GET /tutoriels/{slug}/imprimer", Access.PUBLIC);
		rest("POST /tutoriels/{slug}/avis", Access.PUBLIC);
		rest("GET /tutoriels/images/{token:[0-9a-f]{32}}.jpg", Access.PUBLIC);
		rest("GET /t/{code}", Access.PUBLIC);
		// Twilio's webhooks
		for (String voice : List.of("incoming", "menu", "topic", "offer", "postcode", "confirm", "fallback",
				"fallback/postcode", "status", "callback/volunteer", "callback/volunteer/keys", "callback/greeting",
				"callback/dialled", "live/hold", "live/hold/keys", "live/left", "live/volunteer", "live/volunteer/keys",
				"live/connect", "live/ended", "live/volunteer/status")) {
			rest("POST /telephony/voice/" + voice, Access.TWILIO_SIGNED);
		}
		rest("POST /telephony/sms/incoming", Access.TWILIO_SIGNED);
		// the simulated Twilio REST API (simulator mode)
		String twilio = "/simulator/twilio/2010-04-01/Accounts/{accountSid}";
		rest("POST " + twilio + "/Messages.json", Access.TWILIO_CREDENTIALS);
		rest("POST " + twilio + "/Calls.json", Access.TWILIO_CREDENTIALS);
		rest("POST " + twilio + "/Calls/{callSid}.json", Access.TWILIO_CREDENTIALS);
		rest("POST " + twilio + "/Queues/{queueSid}/Members/{callSid}.json", Access.TWILIO_CREDENTIALS);
		// accounts
		rest("GET /api/auth/me", Access.SIGNED_IN);
		rest("PUT /api/account/password", Access.SIGNED_IN);
		rest("GET /api/account/sessions", Access.SIGNED_IN);
		rest("POST /api/account/sessions/end", Access.SIGNED_IN);
		rest("GET /api/account/two-factor", Access.SIGNED_IN);
		rest("POST /api/account/two-factor/setup", Access.SIGNED_IN);
		rest("POST /api/account/two-factor/confirm", Access.SIGNED_IN);
		rest("POST /api/account/two-factor/recovery-codes", Access.SIGNED_IN);
		rest("POST /api/account/two-factor/disable", Access.SIGNED_IN);
		rest("POST /api/sign-up", Access.PUBLIC);
		rest("POST /api/sign-up/confirm", Access.PUBLIC);
		rest("POST /api/password-reset", Access.PUBLIC);
		rest("POST /api/password-reset/complete", Access.PUBLIC);
		rest("POST /api/invitations/accept", Access.PUBLIC);
		rest("GET /api/admin/accounts", Access.ADMIN);
		rest("POST /api/admin/accounts", Access.ADMIN);
		rest("POST /api/admin/accounts/{id}/invitation", Access.ADMIN);
		rest("PUT /api/admin/accounts/{id}", Access.ADMIN);
		rest("POST /api/admin/accounts/{id}/two-factor/reset", Access.ADMIN);
		rest("GET /api/admin/audit", Access.ADMIN);
		rest("POST /api/privacy/requests/access", Access.NATIONAL);
		rest("POST /api/privacy/requests/erasure", Access.NATIONAL);
		// onboarding
		rest("GET /api/volunteers/me", Access.VOLUNTEER_PROFILE);
		rest("GET /api/volunteers/me/training", Access.VOLUNTEER_PROFILE);
		rest("POST /api/volunteers/me/charter", Access.VOLUNTEER_PROFILE);
		rest("PUT /api/volunteers/me/phone", Access.VOLUNTEER_PROFILE);
		rest("GET /api/simulator/phone", Access.ONBOARDING);
		rest("POST /api/simulator/phone/call", Access.ONBOARDING);
		rest("POST /api/simulator/phone/call/answer", Access.ONBOARDING);
		rest("POST /api/simulator/phone/call/keys", Access.ONBOARDING);
		rest("POST /api/simulator/phone/call/silence", Access.ONBOARDING);
		rest("POST /api/simulator/phone/call/hangup", Access.ONBOARDING);
		rest("GET /api/volunteer-applications", Access.COORDINATOR);
		rest("POST /api/volunteer-applications/{id}/approve", Access.REGIONAL);
		// the help desk's hours and exceptions
		rest("GET /api/settings/calendar", Access.COORDINATOR);
		rest("PUT /api/settings/calendar/weekly", Access.NATIONAL);
		rest("POST /api/settings/calendar/exceptions", Access.NATIONAL);
		rest("DELETE /api/settings/calendar/exceptions/{id}", Access.NATIONAL);
		rest("GET /api/settings/menu", Access.COORDINATOR);
		rest("PUT /api/settings/menu", Access.NATIONAL);
		rest("POST /api/tickets/{id}/priority", Access.REGIONAL);
		rest("POST /api/tickets/{id}/reschedule", Access.REGIONAL);
		rest("GET /api/tickets/{id}/assignees", Access.REGIONAL);
		rest("POST /api/tickets/{id}/assign", Access.REGIONAL);
		rest("GET /api/staff/me/call-phone", Access.COORDINATOR);
		rest("PUT /api/staff/me/call-phone", Access.COORDINATOR);
		rest("DELETE /api/staff/me/call-phone", Access.COORDINATOR);
		rest("GET /api/settings/callbacks", Access.COORDINATOR);
		rest("PUT /api/settings/callbacks", Access.NATIONAL);
		rest("GET /api/settings/routing", Access.COORDINATOR);
		rest("PUT /api/settings/routing", Access.NATIONAL);
		// volunteers' files, for coordinators
		rest("GET /api/volunteers", Access.COORDINATOR);
		rest("GET /api/volunteers/{id}", Access.VOLUNTEER_FILE);
		rest("PUT /api/volunteers/{id}/profile", Access.VOLUNTEER_FILE);
		rest("PUT /api/volunteers/{id}/shifts", Access.VOLUNTEER_FILE);
		rest("POST /api/volunteers/{id}/training", Access.VOLUNTEER_FILE);
		// the console
		rest("GET /api/console", Access.STAFF);
		rest("GET /api/topics", Access.PUBLIC);
		rest("GET /api/territory/regions", Access.PUBLIC);
		rest("GET /api/territory/departements", Access.PUBLIC);
		rest("GET /api/territory/postcodes/{postcode}", Access.STAFF);
		rest("GET /api/volunteers/me/presence", Access.VOLUNTEER_CONSOLE);
		rest("PUT /api/volunteers/me/presence", Access.VOLUNTEER_CONSOLE);
		rest("DELETE /api/volunteers/me/wrap-up", Access.VOLUNTEER_CONSOLE);
		rest("GET /api/volunteers/me/shifts", Access.ONBOARDING);
		rest("PUT /api/volunteers/me/shifts", Access.ONBOARDING);
		rest("POST /api/routing/next", Access.VOLUNTEER_CONSOLE);
		// requests
		rest("GET /api/tickets", Access.STAFF);
		rest("POST /api/tickets", Access.STAFF);
		rest("GET /api/tickets/{id}", Access.TICKET);
		rest("POST /api/tickets/{id}/notes", Access.TICKET);
		rest("POST /api/tickets/{id}/cancel", Access.TICKET);
		rest("PUT /api/tickets/{id}/outcome", Access.TICKET_HOLDER);
		rest("POST /api/tickets/{id}/attempts", Access.TICKET_HOLDER);
		rest("POST /api/tickets/{id}/retry", Access.TICKET_HOLDER);
		rest("POST /api/tickets/{id}/accept", Access.TICKET_OFFER);
		rest("POST /api/tickets/{id}/decline", Access.TICKET_DECLINE);
		rest("POST /api/tickets/{id}/release", Access.TICKET_HOLDER);
		rest("GET /api/tickets/{id}/handover", Access.TICKET_HOLDER_SEEN_403);
		rest("POST /api/tickets/{id}/handover", Access.TICKET_HOLDER_SEEN_403);
		rest("POST /api/tickets/{id}/texts", Access.TICKET_HOLDER_SEEN_409);
		rest("POST /api/tickets/{id}/tutorials/{slug}/texts", Access.TICKET_HOLDER_SEEN_409);
		rest("POST /api/tickets/{id}/call", Access.TICKET_HOLDER_SEEN_409);
		rest("POST /api/tickets/{id}/block", Access.REGIONAL);
		rest("GET /api/blocked-numbers", Access.COORDINATOR);
		rest("DELETE /api/blocked-numbers/{id}", Access.COORDINATOR);
		rest("GET /api/sms-templates", Access.NATIONAL);
		rest("PUT /api/sms-templates/{code}", Access.NATIONAL);
		// statistics
		rest("GET /api/statistics/summary", Access.COORDINATOR);
		rest("GET /api/statistics/summary.csv", Access.COORDINATOR);
		rest("GET /api/statistics/definitions", Access.COORDINATOR);
		for (String table : List.of("days", "hours", "themes", "departements", "volunteers", "outcomes")) {
			rest("GET /api/statistics/" + table, Access.COORDINATOR);
			rest("GET /api/statistics/" + table + ".csv", Access.COORDINATOR);
		}
		rest("GET /api/statistics/activity-report.csv", Access.COORDINATOR);
		rest("GET /api/statistics/mine", Access.STAFF);
		rest("GET /api/statistics/wallboard", Access.COORDINATOR);
		rest("GET /api/statistics/targets", Access.COORDINATOR);
		rest("PUT /api/statistics/targets", Access.NATIONAL);
		rest("GET /api/statistics/alerts/subscription", Access.COORDINATOR);
		rest("PUT /api/statistics/alerts/subscription", Access.COORDINATOR);
		rest("DELETE /api/statistics/alerts/subscription", Access.COORDINATOR);
		// tutorials
		rest("GET /api/tutorials", Access.STAFF);
		rest("GET /api/tutorials/editor", Access.STAFF);
		rest("POST /api/tutorials/editor", Access.STAFF);
		rest("GET /api/tutorials/editor/{slug}", Access.DRAFT);
		rest("PUT /api/tutorials/editor/{slug}", Access.DRAFT);
		rest("GET /api/tutorials/editor/{slug}/revisions", Access.DRAFT);
		rest("POST /api/tutorials/editor/{slug}/publish", Access.COORDINATOR);
		rest("POST /api/tutorials/editor/{slug}/unpublish", Access.COORDINATOR);
		rest("POST /api/tutorials/editor/{slug}/reviewed", Access.COORDINATOR);
		rest("GET /api/tutorials/editor/bundle", Access.COORDINATOR);
		rest("POST /api/tutorials/editor/bundle", Access.COORDINATOR);
		rest("POST /api/tutorials/editor/images", Access.STAFF);
		rest("POST /api/tutorials/editor/preview", Access.STAFF);
	}

	private static final String DRAFT_CONTENT = """
			{"topicCode":"OTHER","title":"Brouillon","summary":"Un essai de brouillon.","level":"BEGINNER",
			 "easyRead":true,"prerequisites":"- Un téléphone","steps":"1. Ouvrez le site","links":[],
			 "licence":"CC-BY-SA-4.0","reviewedOn":"2027-02-01"}""";

	/**
	 * What the rows that check a link to a request (or an author) send: a valid body, so
	 * that the answer is the check's and not the validation's. The others send
	 * {@code {}}.
	 */
	private static final Map<String, String> BODIES = Map.ofEntries(
			Map.entry("PUT /api/admin/accounts/{id}", "{\"role\":\"VOLUNTEER\",\"enabled\":true}"),
			Map.entry("POST /api/account/two-factor/confirm", "{\"code\":\"000000\"}"),
			Map.entry("POST /api/privacy/requests/access", "{\"phone\":\"07 99 99 99 01\"}"),
			Map.entry("POST /api/privacy/requests/erasure", "{\"phone\":\"07 99 99 99 01\"}"),
			Map.entry("PUT /api/volunteers/me/phone", "{\"phone\":\"06 12 34 56 78\"}"),
			Map.entry("PUT /api/volunteers/me/presence", "{\"status\":\"PAUSED\"}"),
			Map.entry("POST /api/tickets/{id}/notes", "{\"body\":\"Une note\"}"),
			Map.entry("POST /api/tickets/{id}/cancel", "{\"reason\":\"Doublon\"}"),
			Map.entry("PUT /api/tickets/{id}/outcome", """
					{"supportType":"demarche_administrative","durationMinutes":25,"procedureThemes":["social_sante"],
					 "supportThemes":["navigation_sur_internet"],"equipment":["ordinateur"],
					 "autonomy":"partiellement_autonome","completion":"finalisee"}"""),
			Map.entry("POST /api/tickets/{id}/attempts", "{\"result\":\"NO_ANSWER\",\"attempt\":1}"),
			Map.entry("POST /api/tickets/{id}/retry", "{\"at\":\"2027-01-04T10:00:00Z\"}"),
			// to the other volunteer, so that the national coordinator is not the holder
			// next
			Map.entry("POST /api/tickets/{id}/handover", "{\"recipientId\":{recipient},\"note\":\"Relais\"}"),
			// the request is held: a coordinator is told it no longer waits (or, giving
			// it
			// to its holder, that nothing changes)
			Map.entry("POST /api/tickets/{id}/reschedule", "{\"at\":\"2099-01-04T09:00:00Z\"}"),
			Map.entry("POST /api/tickets/{id}/assign", "{\"volunteerId\":{holder}}"),
			Map.entry("POST /api/tickets/{id}/texts", "{\"body\":\"Bonjour, voici le lien promis.\"}"),
			Map.entry("POST /api/tickets/{id}/block", "{\"reason\":\"Appels abusifs\"}"),
			// an empty wording: refused by the templates after the access check, nothing
			// changes
			Map.entry("PUT /api/sms-templates/{code}", "{\"body\":\"\"}"),
			// a version nobody read: allowed callers are told the file changed meanwhile
			// (or, trained already, that nothing changes), and nothing changes
			Map.entry("PUT /api/volunteers/{id}/profile", """
					{"skills":[],"languages":["fr"],"capacity":1,"servedDepartements":[],"servedRegions":[],
					 "servesNationally":false,"version":999999}"""),
			Map.entry("PUT /api/volunteers/{id}/shifts",
					"{\"shifts\":[],\"availableAtShiftStart\":false,\"version\":999999}"),
			Map.entry("POST /api/volunteers/{id}/training",
					"{\"reason\":\"Formation faite en personne\",\"version\":999999}"),
			// a version nobody read: allowed callers are told the calendar changed
			// meanwhile, and nothing changes
			Map.entry("PUT /api/settings/calendar/weekly", "{\"slots\":[],\"version\":999999}"),
			Map.entry("POST /api/settings/calendar/exceptions",
					"{\"kind\":\"CLOSED\",\"firstDay\":\"2099-01-04\",\"version\":999999}"),
			// a version nobody read: allowed callers are told the menu changed meanwhile
			Map.entry("PUT /api/settings/menu", "{\"topics\":[],\"version\":999999}"),
			// a number that cannot be called: refused after the access check
			Map.entry("PUT /api/staff/me/call-phone", "{\"phone\":\"12\"}"),
			Map.entry("PUT /api/settings/callbacks",
					"{\"maxAttempts\":3,\"retryAfterMinutes\":120,\"version\":999999}"),
			Map.entry("PUT /api/settings/routing", """
					{"liveCall":{"regionAfterSeconds":120,"nationalAfterSeconds":300,"offerTimeoutSeconds":30},
					 "callback":{"regionAfterSeconds":7200,"nationalAfterSeconds":43200,"offerTimeoutSeconds":120},
					 "wrapUpSeconds":60,"version":999999}"""),
			// the targets as they are: allowed callers change nothing
			Map.entry("PUT /api/statistics/targets", """
					{"serviceLevelThresholdSeconds":60,"serviceLevel":0.8,"abandonmentRate":0.08,
					 "firstAttemptWithin24hRate":0.9}"""),
			Map.entry("PUT /api/tutorials/editor/{slug}", "{\"basedOn\":1,\"content\":" + DRAFT_CONTENT + "}"));

	/** Actuator's endpoints (served by their own handler mapping). */
	private static final Map<String, Access> OPERATIONS = Map.of("GET /actuator/health", Access.PUBLIC,
			"GET /actuator/health/readiness", Access.PUBLIC, "GET /actuator/info", Access.ADMIN_OPERATIONS,
			"GET /actuator/prometheus", Access.ADMIN_OPERATIONS);

	/** Every STOMP destination, with who may use it. */
	private static final Map<String, Access> STOMP = new LinkedHashMap<>();

	static {
		STOMP.put("SUBSCRIBE /user/queue/console", Access.STAFF);
		STOMP.put("SUBSCRIBE /topic/figures." + REGION, Access.REGION_FIGURES);
		STOMP.put("SUBSCRIBE /topic/wallboard." + REGION, Access.NATIONAL);
		STOMP.put("SUBSCRIBE /topic/wallboard.FR", Access.NATIONAL);
		STOMP.put("SEND /app/tickets/1/accept", Access.NOBODY);
	}

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	Onboarding onboarding;

	@Autowired
	TicketManagement tickets;

	@Autowired
	Routing routing;

	@Autowired
	Blocklist blocklist;

	@Autowired
	SimpUserRegistry users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	SimpAnnotationMethodMessageHandler messageHandlers;

	@Autowired
	List<AbstractBrokerMessageHandler> brokers;

	private final Map<Subject, StaffClient> callers = new EnumMap<>(Subject.class);

	private final Map<Subject, StaffAccount> staff = new EnumMap<>(Subject.class);

	private static void rest(String endpoint, Access access) {
		assertThat(REST.put(endpoint, access)).as("one row for %s", endpoint).isNull();
	}

	@BeforeAll
	void signEveryoneIn() {
		this.callers.put(Subject.VISITOR, new StaffClient(this.port));
		StaffAccount applicant = this.onboarding.apply(new Onboarding.Application("Candidate", email("applicant"),
				TestAccounts.PASSWORD, TestPhones.randomMobile(), DEPARTEMENT, Set.of("CAF"), Set.of("fr"), null));
		// the link e-mailed to the address opened
		this.accounts.confirmEmail(applicant.id());
		signIn(Subject.UNAPPROVED, applicant);
		StaffAccount other = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		// a volunteer of the same département (who follows its figures), with no link to
		// the request
		this.volunteers.register(other.id(), DEPARTEMENT, Set.of("CAF"));
		this.volunteers.qualify(other.id());
		this.volunteerPresence.choosePresence(other.id(), Presence.PAUSED);
		signIn(Subject.OTHER_VOLUNTEER, other);
		signIn(Subject.OTHER_REGION_COORDINATOR, TestAccounts.open(this.accounts, new NewAccount(email("coordinator"),
				"Île-de-France", Role.COORDINATOR, "11", TestAccounts.PASSWORD, false)));
		signIn(Subject.NATIONAL_COORDINATOR, TestAccounts.open(this.accounts, Role.COORDINATOR));
		signIn(Subject.ADMIN, TestAccounts.open(this.accounts, Role.ADMIN));
	}

	@Test
	void everyEndpointHasItsRow() {
		Set<String> served = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("ANY");
			}
			for (String pattern : info.getPatternValues()) {
				for (String method : methods) {
					served.add(method + " " + pattern);
				}
			}
		});
		served.removeIf(AccessMatrixIntegrationTests::isFramework);
		assertThat(served).as("endpoints without a row in the access matrix, or rows without an endpoint")
			.containsExactlyInAnyOrderElementsOf(REST.keySet());
	}

	@Test
	void everyStompDestinationHasItsRow() {
		assertThat(this.messageHandlers.getHandlerMethods()).as("application destinations (@MessageMapping)").isEmpty();
		for (AbstractBrokerMessageHandler broker : this.brokers) {
			for (String prefix : broker.getDestinationPrefixes()) {
				assertThat(STOMP.keySet()).as("a row for the broker's %s", prefix)
					.anyMatch((row) -> row.startsWith("SUBSCRIBE " + prefix)
							|| row.startsWith("SUBSCRIBE /user" + prefix));
			}
		}
	}

	@Test
	void everyCallerGetsTheAnswerOfTheirRow() {
		List<String> wrong = new ArrayList<>();
		REST.forEach((endpoint, access) -> wrong.addAll(tryEndpoint(endpoint, access)));
		OPERATIONS.forEach((endpoint, access) -> wrong.addAll(tryEndpoint(endpoint, access)));
		assertThat(wrong).as("answers that differ from the access matrix").isEmpty();
	}

	@Test
	void everyConsoleGetsTheAnswerOfItsRow() throws Exception {
		List<String> wrong = new ArrayList<>();
		StaffAccount volunteer = holder();
		signIn(Subject.VOLUNTEER, volunteer);
		for (Subject subject : Subject.values()) {
			for (Map.Entry<String, Access> row : STOMP.entrySet()) {
				String expected = row.getValue().answers.get(subject);
				String actual = tryDestination(subject, row.getKey());
				if (!matches(expected, actual)) {
					wrong.add("%s by %s: %s, expected %s".formatted(row.getKey(), subject, actual, expected));
				}
			}
		}
		assertThat(wrong).as("answers that differ from the access matrix").isEmpty();
	}

	private List<String> tryEndpoint(String endpoint, Access access) {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
		StaffAccount volunteer = holder();
		signIn(Subject.VOLUNTEER, volunteer);
		Map<String, String> variables = new LinkedHashMap<>();
		if (pattern.startsWith("/api/tickets/{id}")) {
			variables.put("id", String.valueOf(heldBy(volunteer)));
			variables.put("slug", PUBLISHED_TUTORIAL);
		}
		else if (pattern.startsWith("/api/tutorials/editor/{slug}")) {
			variables.put("slug", draftBy(Subject.VOLUNTEER));
		}
		else if (pattern.startsWith("/api/settings/calendar/exceptions/{id}")) {
			// no such exception: removing it changes nothing
			variables.put("id", "999999999");
		}
		else if (pattern.startsWith("/api/volunteers/{id}")) {
			// the volunteer holding the request, in the Vendée
			variables.put("id", String.valueOf(volunteer.id()));
		}
		variables.putIfAbsent("slug", PUBLISHED_TUTORIAL);
		variables.put("code", pattern.startsWith("/t/") ? "ameli" : "INBOUND_REPLY");
		variables.put("postcode", POSTCODE);
		variables.put("token:[0-9a-f]{32}", UUID.randomUUID().toString().replace("-", ""));
		variables.put("accountSid", "AC" + UUID.randomUUID().toString().replace("-", ""));
		variables.put("callSid", "CA" + UUID.randomUUID().toString().replace("-", ""));
		variables.put("queueSid", "QU" + UUID.randomUUID().toString().replace("-", ""));
		List<String> wrong = new ArrayList<>();
		Map<Subject, Integer> answers = new EnumMap<>(Subject.class);
		for (Subject subject : Subject.values()) {
			if (pattern.startsWith("/api/blocked-numbers/{id}")) {
				variables.put("id",
						String.valueOf(
								this.blocklist
									.block(PhoneNumber.parse(TestPhones.randomMobile()), "access matrix",
											this.staff.get(Subject.ADMIN).id())
									.id()));
			}
			else if (pattern.startsWith("/api/volunteer-applications/{id}")) {
				variables.put("id", String.valueOf(applicant().id()));
			}
			else if (pattern.startsWith("/api/admin/accounts/{id}")) {
				variables.put("id", String.valueOf(TestAccounts.open(this.accounts, Role.VOLUNTEER).id()));
			}
			String path = expand(pattern, variables);
			String body = BODIES.getOrDefault(endpoint, "{}")
				.replace("{recipient}", String.valueOf(this.staff.get(Subject.UNAPPROVED).id()))
				.replace("{holder}", String.valueOf(this.staff.get(Subject.VOLUNTEER).id()));
			int status = send(this.callers.get(subject), method, path, body).statusCode();
			answers.put(subject, status);
			String expected = access.answers.get(subject);
			if (expected != null && !matches(expected, String.valueOf(status))) {
				wrong.add("%s by %s: %d, expected %s".formatted(endpoint, subject, status, expected));
			}
		}
		if (access == Access.PUBLIC) {
			Set<Integer> distinct = new TreeSet<>(answers.values());
			if (distinct.size() != 1 || distinct.contains(401) || distinct.contains(403)
					|| distinct.iterator().next() >= 500) {
				wrong.add("%s is public but answers %s".formatted(endpoint, answers));
			}
		}
		if (pattern.startsWith("/api/tutorials/editor/{slug}")) {
			// a draft published by the row stays off the citizen site
			this.callers.get(Subject.ADMIN).postJson(expand("/api/tutorials/editor/{slug}/unpublish", variables), "");
		}
		return wrong;
	}

	private String tryDestination(Subject subject, String row) throws Exception {
		StaffClient caller = this.callers.get(subject);
		caller.ensureCsrfCookie();
		ConsoleStompClient console;
		try {
			console = new ConsoleStompClient().connect(caller, "http://localhost:" + this.port, true);
		}
		catch (ExecutionException refused) {
			Matcher status = Pattern.compile("\\b(40[0-9])\\b").matcher(String.valueOf(refused.getCause()));
			return status.find() ? status.group(1) : "refused: " + refused.getCause();
		}
		try {
			String destination = row.substring(row.indexOf(' ') + 1);
			if (row.startsWith("SEND ")) {
				console.send(destination, "{}");
			}
			else {
				console.subscribe(destination);
			}
			for (int i = 0; i < 200; i++) {
				if (!console.errors.isEmpty() || !console.isConnected()) {
					return "403";
				}
				if (row.startsWith("SUBSCRIBE ") && subscribed(this.staff.get(subject), destination)) {
					return "ok";
				}
				Thread.sleep(25);
			}
			return row.startsWith("SEND ") ? "ignored" : "not subscribed";
		}
		finally {
			console.disconnect();
		}
	}

	private boolean subscribed(StaffAccount account, String destination) {
		var user = this.users.getUser(account.email());
		return user != null && user.getSessions()
			.stream()
			.flatMap((session) -> session.getSubscriptions().stream())
			.anyMatch((subscription) -> subscription.getDestination().startsWith(destination)
					|| subscription.getDestination().startsWith(destination.replace("/user/queue/", "/queue/")));
	}

	private static boolean matches(String expected, String actual) {
		if (!"ok".equals(expected)) {
			return expected.equals(actual);
		}
		if ("ok".equals(actual)) {
			return true;
		}
		if (!actual.matches("[0-9]+")) {
			return false;
		}
		int status = Integer.parseInt(actual);
		return status < 500 && status != 401 && status != 403 && status != 404 && status != 405;
	}

	private HttpResponse<String> send(StaffClient caller, String method, String path, String body) {
		caller.ensureCsrfCookie();
		var request = caller.withCsrf(caller.request(path));
		boolean json = path.startsWith("/api/");
		if (path.startsWith("/telephony/")) {
			request.setHeader("Accept", "*/*"); // as Twilio asks
		}
		if ("GET".equals(method) || "DELETE".equals(method)) {
			request.method(method, BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
				.method(method, BodyPublishers.ofString(json ? body : ""));
		}
		return caller.send(request);
	}

	private static String expand(String pattern, Map<String, String> variables) {
		String path = pattern;
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		assertThat(path).as("every variable of %s known", pattern).doesNotContain("{");
		return path;
	}

	/** What Spring and springdoc serve themselves, under their own rules. */
	private static boolean isFramework(String endpoint) {
		return endpoint.endsWith(" /error") || endpoint.contains(" /v3/api-docs");
	}

	/** A volunteer of the Vendée who may take requests, signed in afresh for each row. */
	private StaffAccount holder() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(volunteer.id(), DEPARTEMENT, Set.of("CAF"));
		this.volunteers.qualify(volunteer.id());
		this.volunteers.registerPhone(volunteer.id(), TestPhones.randomMobile());
		return volunteer;
	}

	/** A request of the Vendée, taken by this volunteer ("prendre la suivante"). */
	private long heldBy(StaffAccount volunteer) {
		this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", POSTCODE, TestPhones.randomMobile(),
				"Léa", Set.of()));
		this.volunteerPresence.choosePresence(volunteer.id(), Presence.AVAILABLE);
		long id = this.routing.takeNext(volunteer.id()).orElseThrow().id();
		this.volunteerPresence.choosePresence(volunteer.id(), Presence.PAUSED);
		return id;
	}

	private String draftBy(Subject author) {
		String slug = "matrice-" + UUID.randomUUID();
		String code = "m" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = this.callers.get(author)
			.postJson("/api/tutorials/editor",
					"""
							{"slug":"%s","shortCode":"%s","content":{"topicCode":"OTHER","title":"Brouillon","summary":"Un essai de brouillon.",
							 "level":"BEGINNER","easyRead":true,"prerequisites":"- Un téléphone","steps":"1. Ouvrez le site",
							 "links":[],"licence":"CC-BY-SA-4.0","reviewedOn":"2027-02-01"}}"""
						.formatted(slug, code));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return slug;
	}

	private StaffAccount applicant() {
		StaffAccount applicant = this.onboarding.apply(new Onboarding.Application("Candidate", email("applicant"),
				TestAccounts.PASSWORD, TestPhones.randomMobile(), DEPARTEMENT, Set.of("CAF"), Set.of("fr"), null));
		this.accounts.confirmEmail(applicant.id());
		return applicant;
	}

	private void signIn(Subject subject, StaffAccount account) {
		StaffClient client = new StaffClient(this.port);
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).as("%s signs in", subject)
			.isEqualTo(200);
		this.callers.put(subject, client);
		this.staff.put(subject, account);
	}

	private static String email(String kind) {
		return kind + "-" + UUID.randomUUID() + "@passerelle.test";
	}

}
