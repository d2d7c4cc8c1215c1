package fr.passerelle.tutorial;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import fr.passerelle.Benchmarks;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.SeparateDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public tutorial page read by 100 concurrent readers, beside a static file of the same
 * application (its stylesheet) in the same run: throughput and latency percentiles of
 * each, and their ratio (target: the page at least half as fast as the static file).
 * Static file and page alternate twice, so that a noisy moment of the shared machine
 * weighs on both. Run with
 * {@code mvn -Pbench -pl backend verify -Dtest=TutorialPageBenchmark}; results in
 * {@code backend/target/bench/tutorial-page.txt} and {@code .json}.
 */
class TutorialPageBenchmark {

	private static final int READERS = 100;

	private static final int REQUESTS = Integer.getInteger("passerelle.bench.reads", 20_000);

	private static final int WARM_UP = 5_000;

	private static final String PAGE = "/tutoriels/declarer-ses-revenus";

	private static final String STATIC_FILE = "/css/site.css";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aTutorialPageBesideAStaticFile() throws Exception {
		try (ConfigurableApplicationContext app = instance()) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpRequest page = HttpRequest.newBuilder(URI.create(base + PAGE)).header("Accept", "text/html").build();
			HttpRequest file = HttpRequest.newBuilder(URI.create(base + STATIC_FILE)).build();

			read(page, WARM_UP);
			read(file, WARM_UP);
			List<Run> files = new ArrayList<>();
			List<Run> pages = new ArrayList<>();
			for (int round = 0; round < 2; round++) {
				files.add(read(file, REQUESTS));
				pages.add(read(page, REQUESTS));
			}
			report(Run.merge(files), Run.merge(pages));
		}
	}

	/** Reads the same address with 100 threads; every answer must be 200. */
	private Run read(HttpRequest request, int count) throws Exception {
		AtomicInteger failures = new AtomicInteger();
		long[] latencies = new long[count];
		double seconds = Benchmarks.closedLoop(READERS, count, (i) -> {
			long began = System.nanoTime();
			int status = this.http.send(request, BodyHandlers.ofByteArray()).statusCode();
			latencies[i] = System.nanoTime() - began;
			if (status != 200) {
				failures.incrementAndGet();
			}
		});
		assertThat(failures).as("failed reads of " + request.uri()).hasValue(0);
		return new Run(count, seconds, latencies);
	}

	private static void report(Run file, Run page) throws IOException {
		double ratio = page.rate() / file.rate();
		String text = String.format(Locale.ROOT, """
				Public tutorial page beside a static file of the same application, one run, %s
				%d concurrent readers, %,d reads of each, twice, alternating
				    static file %-32s %8.0f reads/s   p50 %6.2f ms   p99 %6.2f ms
				    tutorial page %-30s %8.0f reads/s   p50 %6.2f ms   p99 %6.2f ms
				    ratio page / static file                 %8.2f   target >= 0.50  %s
				""", Instant.now(), READERS, REQUESTS, STATIC_FILE, file.rate(), file.millis(50), file.millis(99), PAGE,
				page.rate(), page.millis(50), page.millis(99), ratio, (ratio >= 0.5) ? "met" : "MISSED");
		Benchmarks.write("tutorial-page", text, String.format(Locale.ROOT,
				"{\"readers\":%d,\"staticReadsPerSecond\":%.1f,\"staticP50Millis\":%.3f,\"staticP99Millis\":%.3f,"
						+ "\"pageReadsPerSecond\":%.1f,\"pageP50Millis\":%.3f,\"pageP99Millis\":%.3f,\"ratio\":%.3f}%n",
				READERS, file.rate(), file.millis(50), file.millis(99), page.rate(), page.millis(50), page.millis(99),
				ratio));
	}

	private static ConfigurableApplicationContext instance() {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_bench_tutorials")));
		arguments.addAll(List.of("--server.port=0", "--passerelle.embedded-db.data-dir=target/bench-mariadb",
				"--passerelle.embedded-db.args=", "--logging.level.root=WARN"));
		return new SpringApplicationBuilder(PasserelleApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * Reads of one address: how many, in how long, and each one's latency.
	 */
	record Run(int count, double seconds, long[] latencies) {

		double rate() {
			return this.count / this.seconds;
		}

		double millis(int percentile) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			return Benchmarks.millis(Benchmarks.percentile(sorted, percentile));
		}

		static Run merge(List<Run> runs) {
			int count = runs.stream().mapToInt(Run::count).sum();
			double seconds = runs.stream().mapToDouble(Run::seconds).sum();
			long[] latencies = runs.stream().flatMapToLong((run) -> Arrays.stream(run.latencies())).toArray();
			return new Run(count, seconds, latencies);
		}

	}

}
