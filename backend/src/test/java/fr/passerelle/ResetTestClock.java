package fr.passerelle;

import java.time.Instant;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the shared test clock back on its Monday morning before every test method, so that
 * no test depends on where another left it.
 */
public class ResetTestClock implements TestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		testContext.getApplicationContext()
			.getBean(TestClock.class)
			.set(Instant.parse(TestClockConfiguration.MONDAY_MORNING));
	}

}
