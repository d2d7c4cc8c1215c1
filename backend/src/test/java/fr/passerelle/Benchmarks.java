package fr.passerelle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the benchmarks ({@code -Pbench}) share: an open-loop load at a fixed rate, a
 * closed-loop one as fast as it goes, percentiles, and their results written under
 * {@code target/bench/}.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	/** The i-th operation of a load. */
	@FunctionalInterface
	public interface Operation {

		void run(int i) throws Exception;

	}

	/**
	 * Runs {@code total} operations at a fixed rate, whatever the time earlier ones take;
	 * each latency runs from the moment its operation was due, so that a slow one also
	 * counts against the ones queued behind it.
	 * @return the latencies in nanoseconds, in order of arrival
	 */
	public static long[] openLoop(int total, int perSecond, Operation operation) throws InterruptedException {
		long[] latencies = new long[total];
		ExecutorService workers = Executors.newFixedThreadPool(64);
		ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
		CountDownLatch finished = new CountDownLatch(total);
		long periodNanos = 1_000_000_000L / perSecond;
		long began = System.nanoTime() + 50_000_000L;
		AtomicInteger next = new AtomicInteger();
		clock.scheduleAtFixedRate(() -> {
			int i = next.getAndIncrement();
			if (i >= total) {
				return;
			}
			long due = began + i * periodNanos;
			workers.submit(() -> {
				try {
					operation.run(i);
				}
				catch (Exception failed) {
					// counted as it came: a failure is as slow as it was
				}
				finally {
					latencies[i] = System.nanoTime() - due;
					finished.countDown();
				}
			});
		}, began - System.nanoTime(), periodNanos, TimeUnit.NANOSECONDS);
		finished.await(5, TimeUnit.MINUTES);
		clock.shutdownNow();
		workers.shutdown();
		return latencies;
	}

	/**
	 * Runs {@code total} operations as fast as {@code threads} threads can, each taking
	 * the next one as soon as its last is done (a closed loop).
	 * @return how long they took, in seconds
	 */
	public static double closedLoop(int threads, int total, Operation operation) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			running.add(workers.submit(() -> {
				start.await();
				for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
					operation.run(i);
				}
				return null;
			}));
		}
		long began = System.nanoTime();
		start.countDown();
		for (Future<?> worker : running) {
			worker.get(10, TimeUnit.MINUTES);
		}
		double seconds = secondsSince(began);
		workers.shutdown();
		return seconds;
	}

	public static long percentile(long[] sorted, int percent) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
	}

	public static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	public static double secondsSince(long nanoTime) {
		return (System.nanoTime() - nanoTime) / 1_000_000_000.0;
	}

	/**
	 * Prints a benchmark's report and writes it, with its figures as JSON, under the
	 * bench directory ({@code passerelle.bench.dir}, {@code target/bench} by default).
	 */
	public static void write(String name, String text, String json) throws IOException {
		System.out.print(text);
		Path directory = Path.of(System.getProperty("passerelle.bench.dir", "target/bench"));
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(name + ".txt"), text);
		Files.writeString(directory.resolve(name + ".json"), json);
	}

}
