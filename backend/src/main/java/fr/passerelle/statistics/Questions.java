package fr.passerelle.statistics;

import java.time.Clock;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.territory.Territories;

import org.springframework.stereotype.Component;

/**
 * Reads what a staff member asks the statistics: a period and a scope they may see.
 */
@Component
class Questions {

	private final Territories territories;

	private final Clock clock;

	Questions(Territories territories, Clock clock) {
		this.territories = territories;
		this.clock = clock;
	}

	/**
	 * @throws fr.passerelle.platform.RejectedRequest (403) for a région the staff member
	 * may not see, (400) for a wrong period or an unknown région
	 */
	Question ask(String from, String to, String region, StaffAccount staff) {
		Scope scope = Scope.of(staff, region, this.territories);
		return new Question(Period.parse(from, to, ParisTime.day(this.clock.instant())), scope);
	}

	/** A period, for the signed-in volunteer's own figures. */
	Period period(String from, String to) {
		return Period.parse(from, to, ParisTime.day(this.clock.instant()));
	}

	record Question(Period period, Scope scope) {

		/**
		 * Names an exported file: {@code passerelle-jours-53-2027-03-01-2027-03-31.csv}.
		 */
		String fileName(String table) {
			return "passerelle-%s-%s-%s-%s.csv".formatted(table, this.scope.key(), this.period.from(),
					this.period.to());
		}

	}

}
