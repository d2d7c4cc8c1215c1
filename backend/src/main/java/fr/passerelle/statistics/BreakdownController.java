package fr.passerelle.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.statistics.Breakdowns.HourRow;
import fr.passerelle.statistics.Breakdowns.Outcomes;
import fr.passerelle.statistics.Breakdowns.Row;
import fr.passerelle.statistics.Breakdowns.VolunteerRow;
import fr.passerelle.statistics.Questions.Question;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The figures of a period broken down, each table as JSON and as CSV (same query, and the
 * CSV options of {@link CsvExport}); a volunteer's own line.
 */
@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Statistics")
class BreakdownController {

	private final Questions questions;

	private final Breakdowns breakdowns;

	private final MessageSource messages;

	private final ActivityReport report;

	BreakdownController(Questions questions, Breakdowns breakdowns, MessageSource messages, ActivityReport report) {
		this.report = report;
		this.questions = questions;
		this.breakdowns = breakdowns;
		this.messages = messages;
	}

	@GetMapping("/days")
	@Operation(summary = "Each day of the period, with its service level and waits")
	Table<Row> days(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, StaffAccount staff) {
		return table(from, to, region, staff, this.breakdowns::byDay);
	}

	@GetMapping("/days.csv")
	@Operation(summary = "Each day of the period, as CSV")
	ResponseEntity<byte[]> daysCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String separator, @RequestParam(required = false) String decimal,
			StaffAccount staff, Locale locale) {
		return csv(CsvExport.of(separator, decimal), this.questions.ask(from, to, region, staff), "jours", Row.class,
				"day", this.breakdowns::byDay, locale);
	}

	@GetMapping("/hours")
	@Operation(summary = "Each hour of the week over the period: demand, calls missed, volunteers on shift and "
			+ "available (the coverage heat map)")
	Table<HourRow> hours(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, StaffAccount staff) {
		return table(from, to, region, staff, this.breakdowns::byHourOfWeek);
	}

	@GetMapping("/hours.csv")
	@Operation(summary = "Each hour of the week over the period, as CSV")
	ResponseEntity<byte[]> hoursCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String separator, @RequestParam(required = false) String decimal,
			StaffAccount staff, Locale locale) {
		return csv(CsvExport.of(separator, decimal), this.questions.ask(from, to, region, staff), "heures",
				HourRow.class, "hour", this.breakdowns::byHourOfWeek, locale);
	}

	@GetMapping("/themes")
	@Operation(summary = "Each theme of the requests, over the period")
	Table<Row> themes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, StaffAccount staff) {
		return table(from, to, region, staff, this.breakdowns::byTheme);
	}

	@GetMapping("/themes.csv")
	@Operation(summary = "Each theme, as CSV")
	ResponseEntity<byte[]> themesCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String separator, @RequestParam(required = false) String decimal,
			StaffAccount staff, Locale locale) {
		return csv(CsvExport.of(separator, decimal), this.questions.ask(from, to, region, staff), "themes", Row.class,
				"theme", this.breakdowns::byTheme, locale);
	}

	@GetMapping("/departements")
	@Operation(summary = "Each département (of the région, for a région), over the period")
	Table<Row> departements(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, StaffAccount staff) {
		return table(from, to, region, staff, this.breakdowns::byDepartement);
	}

	@GetMapping("/departements.csv")
	@Operation(summary = "Each département, as CSV")
	ResponseEntity<byte[]> departementsCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String separator, @RequestParam(required = false) String decimal,
			StaffAccount staff, Locale locale) {
		return csv(CsvExport.of(separator, decimal), this.questions.ask(from, to, region, staff), "departements",
				Row.class, "departement", this.breakdowns::byDepartement, locale);
	}

	@GetMapping("/volunteers")
	@Operation(summary = "Each volunteer (of the région, for a région) who worked during the period")
	Table<VolunteerRow> volunteers(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			StaffAccount staff) {
		return table(from, to, region, staff, this.breakdowns::byVolunteer);
	}

	@GetMapping("/volunteers.csv")
	@Operation(summary = "Each volunteer, as CSV")
	ResponseEntity<byte[]> volunteersCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String separator, @RequestParam(required = false) String decimal,
			StaffAccount staff, Locale locale) {
		return csv(CsvExport.of(separator, decimal), this.questions.ask(from, to, region, staff), "benevoles",
				VolunteerRow.class, "volunteer", this.breakdowns::byVolunteer, locale);
	}

	@GetMapping("/mine")
	@Operation(summary = "The signed-in volunteer's own line over the period (any staff member: their own)")
	VolunteerRow mine(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			StaffAccount staff) {
		return this.breakdowns.ofVolunteer(this.questions.period(from, to), staff.id());
	}

	@GetMapping("/outcomes")
	@Operation(summary = "The outcome forms of the period's requests summed up, with the codes of the national "
			+ "activity report: themes of the démarches, autonomy, completion, redirections")
	OutcomeTable outcomes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String region, StaffAccount staff) {
		Question question = this.questions.ask(from, to, region, staff);
		Outcomes outcomes = this.breakdowns.outcomes(question.period(), question.scope());
		return new OutcomeTable(question.period().from().toString(), question.period().to().toString(),
				question.scope().regionCode(), outcomes.forms(), outcomes.answers());
	}

	@GetMapping("/outcomes.csv")
	@Operation(summary = "The outcome forms summed up, as CSV: one row per question and code")
	ResponseEntity<byte[]> outcomesCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String separator, @RequestParam(required = false) String decimal,
			StaffAccount staff, Locale locale) {
		CsvExport csv = CsvExport.of(separator, decimal);
		Question question = this.questions.ask(from, to, region, staff);
		Outcomes outcomes = this.breakdowns.outcomes(question.period(), question.scope());
		List<OutcomeRow> rows = new ArrayList<>();
		outcomes.answers()
			.forEach((q, codes) -> codes.forEach(
					(code, count) -> rows.add(new OutcomeRow(q, code, count, Summary.rate(count, outcomes.forms())))));
		return CsvExport.attachment(question.fileName("bilans"),
				csv.records(OutcomeRow.class, rows, header("outcome", locale)));
	}

	@GetMapping("/activity-report.csv")
	@Operation(summary = "The national activity report's export: one row per accompaniment recorded during the "
			+ "period, with the report's codes and the département, nothing about the person")
	ResponseEntity<StreamingResponseBody> activityReport(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String region,
			@RequestParam(required = false) String separator, @RequestParam(required = false) String decimal,
			StaffAccount staff) {
		CsvExport csv = CsvExport.of(separator, decimal);
		Question question = this.questions.ask(from, to, region, staff);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(question.fileName("compte-rendu")).build().toString())
			.header(HttpHeaders.CONTENT_TYPE, CsvExport.MEDIA_TYPE)
			.body((out) -> this.report.write(question.period(), question.scope(), csv, out));
	}

	/** A table of the period and scope asked for. */
	private <R> Table<R> table(String from, String to, String region, StaffAccount staff,
			BiFunction<Period, Scope, List<R>> breakdown) {
		Question question = this.questions.ask(from, to, region, staff);
		return Table.of(question, breakdown.apply(question.period(), question.scope()));
	}

	/**
	 * A table as a CSV attachment named after it and the period.
	 * @param table the key of its first column's name ({@code statistics.column.key.*})
	 */
	private <R extends Record> ResponseEntity<byte[]> csv(CsvExport csv, Question question, String fileName,
			Class<R> type, String table, BiFunction<Period, Scope, List<R>> breakdown, Locale locale) {
		return CsvExport.attachment(question.fileName(fileName),
				csv.records(type, breakdown.apply(question.period(), question.scope()), header(table, locale)));
	}

	/** Column names from the catalogue ({@code statistics.column.*}). */
	private Function<String, String> header(String table, Locale locale) {
		return (component) -> {
			String key = component.equals("key") ? "statistics.column.key." + table : "statistics.column." + component;
			return this.messages.getMessage(key, null, component, locale);
		};
	}

	/**
	 * A table of figures for a period and scope.
	 *
	 * @param region {@code null} for the whole country
	 */
	record Table<R>(String from, String to, String region, List<R> rows) {

		static <R> Table<R> of(Question question, List<R> rows) {
			return new Table<>(question.period().from().toString(), question.period().to().toString(),
					question.scope().regionCode(), rows);
		}

	}

	/**
	 * @param forms outcome forms recorded for the period's requests
	 * @param answers by question, how many forms chose each code
	 */
	record OutcomeTable(String from, String to, String region, long forms, Map<String, Map<String, Long>> answers) {
	}

	/**
	 * @param share of the forms
	 */
	record OutcomeRow(String question, String code, long forms, Double share) {
	}

}
