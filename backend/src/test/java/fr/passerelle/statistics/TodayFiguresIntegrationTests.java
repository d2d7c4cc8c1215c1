package fr.passerelle.statistics;

import java.time.Duration;
import java.time.Instant;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's figures as the wallboard and the reports read them: counted from the records,
 * at most ten seconds apart (the default), a reading never waiting for a count but the
 * day's first. (The other tests count at every reading.)
 */
@IntegrationTest
class TodayFiguresIntegrationTests {

	@Autowired
	FactsReader facts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	private TodayFigures figures;

	@AfterEach
	void stopCounting() {
		if (this.figures != null) {
			this.figures.destroy();
		}
	}

	@Test
	void countsInTheBackgroundOnceTheCountIsTenSecondsOld() {
		this.figures = new TodayFigures(this.facts, this.clock, new StatisticsProperties(Duration.ofSeconds(10)));
		Instant now = this.clock.instant();
		TodayFigures.Counted first = this.figures.read();
		assertThat(first.at()).as("the day's first reading counts").isEqualTo(now);
		long answered = answered(first);

		answeredCall(now.minusSeconds(300));
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.figures.read()).as("nine seconds later, the same count").isSameAs(first);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.figures.read()).as("ten seconds later, the same count while a new one is made").isSameAs(first);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.figures.read() != first);
		TodayFigures.Counted second = this.figures.read();
		assertThat(second.at()).isEqualTo(now.plusSeconds(10));
		assertThat(answered(second)).as("the call that ended meanwhile").isEqualTo(answered + 1);
	}

	@Test
	void countsTheNewDayAtItsFirstReading() {
		this.figures = new TodayFigures(this.facts, this.clock, new StatisticsProperties(Duration.ofSeconds(10)));
		TodayFigures.Counted today = this.figures.read();

		this.clock.advance(Duration.ofDays(1));
		TodayFigures.Counted tomorrow = this.figures.read();

		assertThat(tomorrow.day()).isEqualTo(today.day().plusDays(1));
		assertThat(tomorrow.at()).isEqualTo(this.clock.instant());
	}

	private void answeredCall(Instant started) {
		Records records = new Records(this.jdbc);
		long ticket = records.ticket(started.plusSeconds(20).toString(), "PHONE", "LIVE_CALL", "CAF", "35000", "35",
				"53", "RESOLVED", started.plusSeconds(240).toString());
		records.call(started.toString(), started.plusSeconds(20).toString(), started.plusSeconds(30).toString(),
				started.plusSeconds(240).toString(), "ANSWERED", "QUEUE", ticket);
	}

	private static long answered(TodayFigures.Counted counted) {
		Tally<CallMeasure> calls = counted.cells().calls.get(Cell.day(Cell.NATIONAL));
		return (calls != null) ? calls.get(CallMeasure.ANSWERED) : 0;
	}

}
