package fr.passerelle.ticket;

import java.util.Set;

import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutcomeTests {

	@Test
	void closesAccordingToTheCompletionOfTheProcedure() {
		assertThat(outcome(Outcome.Completion.COMPLETED, null).closingStatus()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(outcome(Outcome.Completion.TO_COMPLETE_ALONE, null).closingStatus())
			.isEqualTo(TicketStatus.RESOLVED);
		assertThat(outcome(Outcome.Completion.REDIRECTED, Outcome.Redirection.ADMINISTRATIVE_HELP).closingStatus())
			.isEqualTo(TicketStatus.REDIRECTED);
		assertThat(outcome(Outcome.Completion.MUST_COME_BACK, null).closingStatus()).isEqualTo(TicketStatus.SCHEDULED);
	}

	@Test
	void asksWhereTheCitizenWasSentOnlyWhenTheyWere() {
		assertInvalid(() -> outcome(Outcome.Completion.REDIRECTED, null), "ticket.outcome.invalid.redirection");
		assertInvalid(() -> outcome(Outcome.Completion.COMPLETED, Outcome.Redirection.OTHER),
				"ticket.outcome.invalid.redirection");
	}

	@Test
	void needsTheThemesOfAProcedureAndAPlausibleDuration() {
		assertInvalid(() -> new Outcome(Outcome.SupportType.ADMINISTRATIVE_PROCEDURE, 20, Set.of(), Set.of(),
				Set.of(Outcome.Equipment.NONE), Outcome.Autonomy.AUTONOMOUS, Outcome.Completion.COMPLETED, null),
				"ticket.outcome.invalid.procedureThemes");
		assertInvalid(
				() -> new Outcome(Outcome.SupportType.INDIVIDUAL, 0, null, null, Set.of(Outcome.Equipment.NONE),
						Outcome.Autonomy.AUTONOMOUS, Outcome.Completion.COMPLETED, null),
				"ticket.outcome.invalid.durationMinutes");
	}

	@Test
	void usesTheCodesOfTheNationalReport() {
		assertThat(Outcome.Completion.TO_COMPLETE_ALONE.code()).isEqualTo("a_finaliser_en_autonomie");
		assertThat(Outcome.ProcedureTheme.PAPERS_ELECTIONS_CITIZENSHIP.code())
			.isEqualTo("papiers_elections_citoyennete");
		assertThat(Outcome.fromCode(Outcome.Autonomy.class, "partiellement_autonome"))
			.isEqualTo(Outcome.Autonomy.TOOK_PART);
	}

	private static Outcome outcome(Outcome.Completion completion, Outcome.Redirection redirection) {
		return new Outcome(Outcome.SupportType.ADMINISTRATIVE_PROCEDURE, 30, Set.of(Outcome.ProcedureTheme.HOUSING),
				Set.of(), Set.of(Outcome.Equipment.PHONE), Outcome.Autonomy.FULLY_SUPPORTED, completion, redirection);
	}

	private static void assertInvalid(Runnable action, String code) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo(code));
	}

}
