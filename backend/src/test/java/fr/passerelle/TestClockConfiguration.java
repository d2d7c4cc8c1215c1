package fr.passerelle;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The integration tests' clock: Monday 1 March 2027, 10:30 in Paris (the help desk is
 * open), which tests move with {@link TestClock#set} and {@link TestClock#advance}. A
 * date to come, so nothing depends on the day tests run.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	public static final String MONDAY_MORNING = "2027-03-01T09:30:00Z";

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock(MONDAY_MORNING);
	}

}
