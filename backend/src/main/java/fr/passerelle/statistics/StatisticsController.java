package fr.passerelle.statistics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RestrictedPaths;
import fr.passerelle.territory.Territories;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators' figures: the summary of any period, for the whole country or a région (a
 * regional coordinator's own only), as JSON or CSV, and what each figure means.
 */
@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Statistics", description = "The figures of the service over any period (coordinators, administrators)")
class StatisticsController {

	/** The wallboard's own figures, besides the summary's. */
	static final List<String> WALLBOARD_FIGURES = List.of("callersWaiting", "callbacksDue", "volunteers.available",
			"volunteers.inCall", "volunteers.wrapUp", "volunteers.onBreak", "volunteers.onShiftOffline");

	private final SummaryReport summaries;

	private final Territories territories;

	private final MessageSource messages;

	private final Clock clock;

	@Bean
	static RestrictedPaths statisticsPaths() {
		// every table but the signed-in volunteer's own line (/api/statistics/mine)
		return RestrictedPaths.coordinators("/api/statistics/summary", "/api/statistics/summary.csv",
				"/api/statistics/definitions", "/api/statistics/days", "/api/statistics/days.csv",
				"/api/statistics/hours", "/api/statistics/hours.csv", "/api/statistics/themes",
				"/api/statistics/themes.csv", "/api/statistics/departements", "/api/statistics/departements.csv",
				"/api/statistics/volunteers", "/api/statistics/volunteers.csv", "/api/statistics/outcomes",
				"/api/statistics/outcomes.csv", "/api/statistics/activity-report.csv", "/api/statistics/wallboard",
				"/api/statistics/targets", "/api/statistics/alerts/subscription");
	}

	StatisticsController(SummaryReport summaries, Territories territories, MessageSource messages, Clock clock) {
		this.summaries = summaries;
		this.territories = territories;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/summary")
	@Operation(
			summary = "The figures of a period (days in Paris time, both included), for the whole country or a région",
			description = "Rates are fractions between 0 and 1, or null when their denominator is 0. A regional "
					+ "coordinator gets their own région (403 for another); an inverted or absurd period, or an "
					+ "unknown région, answers 400.")
	Summary summary(@Parameter(example = "2027-03-01") @RequestParam(required = false) String from,
			@Parameter(example = "2027-03-31") @RequestParam(required = false) String to,
			@Parameter(description = "a région's INSEE code; none for the whole country") @RequestParam(
					required = false) String region,
			StaffAccount staff) {
		return summarise(from, to, region, staff);
	}

	@GetMapping("/summary.csv")
	@Operation(summary = "The same figures as CSV: one row per figure, with its definition",
			description = "UTF-8 with a byte order mark; separator=semicolon (default) or comma, decimal=comma "
					+ "(default) or point; cells that a spreadsheet would run as a formula are neutralised.",
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")))
	ResponseEntity<byte[]> summaryCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String separator, @RequestParam(required = false) String decimal,
			StaffAccount staff, Locale locale) {
		CsvExport csv = CsvExport.of(separator, decimal);
		Summary summary = summarise(from, to, region, staff);
		String scope = (summary.region() != null) ? summary.region() : Cell.NATIONAL;
		List<List<Object>> rows = new ArrayList<>();
		summary.figures()
			.forEach((code, value) -> rows.add(List.of(summary.from().toString(), summary.to().toString(), scope, code,
					label(code, locale), (value != null) ? value : "", definition(code, locale))));
		byte[] body = csv.write(List.of(message("statistics.csv.from", locale), message("statistics.csv.to", locale),
				message("statistics.csv.scope", locale), message("statistics.csv.code", locale),
				message("statistics.csv.figure", locale), message("statistics.csv.value", locale),
				message("statistics.csv.definition", locale)), rows);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("passerelle-synthese-%s-%s-%s.csv".formatted(scope, summary.from(), summary.to()))
						.build()
						.toString())
			.header(HttpHeaders.CONTENT_TYPE, CsvExport.MEDIA_TYPE)
			.body(body);
	}

	@GetMapping("/definitions")
	@Operation(summary = "What each figure (of the summary and of the wallboard) means, in the caller's language: its "
			+ "name and its definition")
	Map<String, Definition> definitions(Locale locale) {
		Map<String, Definition> definitions = new LinkedHashMap<>();
		Summary empty = this.summaries.empty();
		List<String> codes = new ArrayList<>(empty.figures().keySet());
		codes.addAll(WALLBOARD_FIGURES);
		for (String code : codes) {
			definitions.put(code, new Definition(label(code, locale), definition(code, locale)));
		}
		return definitions;
	}

	private Summary summarise(String from, String to, String region, StaffAccount staff) {
		Scope scope = Scope.of(staff, region, this.territories);
		Period period = Period.parse(from, to, ParisTime.day(this.clock.instant()));
		return this.summaries.summary(period, scope);
	}

	private String label(String code, Locale locale) {
		return message("statistics.figure." + code, locale);
	}

	private String definition(String code, Locale locale) {
		return message("statistics.figure." + code + ".definition", locale);
	}

	private String message(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

	/** A figure's name and what it counts. */
	record Definition(String label, String definition) {
	}

}
