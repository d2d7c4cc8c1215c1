package fr.passerelle.ticket;

import java.util.Arrays;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;

/**
 * What a volunteer records at the end of a request, with the values (and codes) of the
 * national activity report of digital mediators ("compte rendu d'activité" of the Coop de
 * la médiation numérique, ANCT), so that figures can be merged with theirs. Labels are in
 * the message catalogue under {@code outcome.*}.
 *
 * @param supportType individual support, or help with an administrative procedure
 * @param durationMinutes time spent with the citizen
 * @param procedureThemes themes of the procedure ("thématiques de démarche"), for help
 * with a procedure
 * @param supportThemes themes of digital support ("thématiques d'accompagnement")
 * @param equipment what the citizen used
 * @param autonomy how autonomous the citizen was
 * @param completion whether the procedure was completed ("démarche finalisée")
 * @param redirection where the citizen was sent, when {@code completion} is
 * {@link Completion#REDIRECTED}
 */
public record Outcome(SupportType supportType, int durationMinutes, Set<ProcedureTheme> procedureThemes,
		Set<SupportTheme> supportThemes, Set<Equipment> equipment, Autonomy autonomy, Completion completion,
		Redirection redirection) {

	public Outcome {
		require(supportType != null, "supportType");
		require(durationMinutes >= 1 && durationMinutes <= 480, "durationMinutes");
		procedureThemes = (procedureThemes != null) ? Set.copyOf(procedureThemes) : Set.of();
		supportThemes = (supportThemes != null) ? Set.copyOf(supportThemes) : Set.of();
		equipment = (equipment != null) ? Set.copyOf(equipment) : Set.of();
		require(supportType != SupportType.ADMINISTRATIVE_PROCEDURE || !procedureThemes.isEmpty(), "procedureThemes");
		require(!equipment.isEmpty(), "equipment");
		require(autonomy != null, "autonomy");
		require(completion != null, "completion");
		require((completion == Completion.REDIRECTED) == (redirection != null), "redirection");
	}

	/**
	 * Where the ticket goes once this outcome is recorded.
	 */
	TicketStatus closingStatus() {
		return switch (this.completion) {
			case COMPLETED, TO_COMPLETE_ALONE -> TicketStatus.RESOLVED;
			case REDIRECTED -> TicketStatus.REDIRECTED;
			case MUST_COME_BACK -> TicketStatus.SCHEDULED;
		};
	}

	private static void require(boolean valid, String field) {
		if (!valid) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "ticket.outcome.invalid." + field);
		}
	}

	/** A code of the national report. */
	interface Coded {

		String code();

	}

	static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
		return Arrays.stream(type.getEnumConstants())
			.filter((value) -> value.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown " + type.getSimpleName() + " code " + code));
	}

	public enum SupportType implements Coded {

		INDIVIDUAL("individuel"), ADMINISTRATIVE_PROCEDURE("demarche_administrative");

		private final String code;

		SupportType(String code) {
			this.code = code;
		}

		@JsonValue
		@Override
		public String code() {
			return this.code;
		}

	}

	public enum ProcedureTheme implements Coded {

		PAPERS_ELECTIONS_CITIZENSHIP("papiers_elections_citoyennete"), FAMILY_SCHOOLING("famille_scolarite"),
		SOCIAL_HEALTH("social_sante"), WORK_TRAINING("travail_formation"), HOUSING("logement"),
		TRANSPORT_MOBILITY("transports_mobilite"), MONEY_TAXES("argent_impots"), JUSTICE("justice"),
		FOREIGNERS_EUROPE("etrangers_europe"), LEISURE_SPORTS_CULTURE("loisirs_sports_culture");

		private final String code;

		ProcedureTheme(String code) {
			this.code = code;
		}

		@JsonValue
		@Override
		public String code() {
			return this.code;
		}

	}

	public enum SupportTheme implements Coded {

		HANDLING_EQUIPMENT("prendre_en_main_du_materiel"), BROWSING("navigation_sur_internet"), EMAIL("email"),
		OFFICE_SOFTWARE("bureautique"), SOCIAL_NETWORKS("reseaux_sociaux"), HEALTH("sante"),
		BANKING_AND_SHOPPING("banque_et_achats_en_ligne"), ENTREPRENEURSHIP("entrepreneuriat"),
		PROFESSIONAL_INTEGRATION("insertion_professionnelle"), DIGITAL_SECURITY("securite_numerique"),
		PARENTING("parentalite"), SCHOOLING("scolarite_et_numerique"), CREATING("creer_avec_le_numerique"),
		DIGITAL_CULTURE("culture_numerique");

		private final String code;

		SupportTheme(String code) {
			this.code = code;
		}

		@JsonValue
		@Override
		public String code() {
			return this.code;
		}

	}

	public enum Equipment implements Coded {

		COMPUTER("ordinateur"), PHONE("telephone"), TABLET("tablette"), OTHER("autre"), NONE("aucun");

		private final String code;

		Equipment(String code) {
			this.code = code;
		}

		@JsonValue
		@Override
		public String code() {
			return this.code;
		}

	}

	public enum Autonomy implements Coded {

		FULLY_SUPPORTED("entierement_accompagne"), TOOK_PART("partiellement_autonome"), AUTONOMOUS("autonome");

		private final String code;

		Autonomy(String code) {
			this.code = code;
		}

		@JsonValue
		@Override
		public String code() {
			return this.code;
		}

	}

	public enum Completion implements Coded {

		COMPLETED("finalisee"), TO_COMPLETE_ALONE("a_finaliser_en_autonomie"), MUST_COME_BACK("doit_revenir"),
		REDIRECTED("oriente_vers_structure");

		private final String code;

		Completion(String code) {
			this.code = code;
		}

		@JsonValue
		@Override
		public String code() {
			return this.code;
		}

	}

	public enum Redirection implements Coded {

		OPERATOR("operateur_ou_organisme_en_charge"), ADMINISTRATIVE_HELP("aide_aux_demarches_administratives"),
		ADMINISTRATION("administration"), DIGITAL_MEDIATION("mediation_numerique"), OTHER("autre");

		private final String code;

		Redirection(String code) {
			this.code = code;
		}

		@JsonValue
		@Override
		public String code() {
			return this.code;
		}

	}

}
