package fr.passerelle.chaos;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A steady stream of citizens during a fault: a caller every so often and a callback form
 * every so often, each on a thread of its own so that a slow answer never slows the
 * stream.
 */
final class SteadyLoad implements AutoCloseable {

	private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);

	private final ExecutorService citizens = Executors.newCachedThreadPool();

	private SteadyLoad() {
	}

	/**
	 * @param callsPerSecond callers through the phone menu
	 * @param formsPerSecond callback forms sent
	 */
	static SteadyLoad start(Journeys journeys, int callsPerSecond, int formsPerSecond) {
		SteadyLoad load = new SteadyLoad();
		load.clock.scheduleAtFixedRate(() -> load.citizens.execute(journeys::call), 0, 1000 / callsPerSecond,
				TimeUnit.MILLISECONDS);
		load.clock.scheduleAtFixedRate(() -> load.citizens.execute(() -> {
			try {
				journeys.sendForm();
			}
			catch (InterruptedException stopped) {
				Thread.currentThread().interrupt();
			}
		}), 500, 1000 / formsPerSecond, TimeUnit.MILLISECONDS);
		return load;
	}

	/**
	 * No new citizen; those under way finish (a form is pressed again for 90 s at most).
	 */
	@Override
	public void close() throws InterruptedException {
		this.clock.shutdownNow();
		this.citizens.shutdown();
		if (!this.citizens.awaitTermination(3, TimeUnit.MINUTES)) {
			throw new IllegalStateException("Citizens still under way 3 minutes after the load stopped");
		}
	}

}
