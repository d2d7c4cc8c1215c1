package fr.passerelle.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import fr.passerelle.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The open data, for everyone: {@code /donnees} says what the file holds and under which
 * licence, {@code /donnees/activite.csv} is the file (every day up to yesterday).
 */
@Controller
class OpenDataController {

	private final OpenData data;

	private final Clock clock;

	@Bean
	static PublicPaths openDataPaths() {
		return PublicPaths.of("/donnees", "/donnees/activite.csv");
	}

	OpenDataController(OpenData data, Clock clock) {
		this.data = data;
		this.clock = clock;
	}

	@GetMapping("/donnees")
	String page(Model model) {
		model.addAttribute("largestHidden", OpenData.SMALLEST_PUBLISHED - 1);
		LocalDate first = this.data.firstDay();
		model.addAttribute("first", first);
		model.addAttribute("last", ParisTime.day(this.clock.instant()).minusDays(1));
		return "statistics/open-data";
	}

	@GetMapping("/donnees/activite.csv")
	@ResponseBody
	ResponseEntity<StreamingResponseBody> activity() {
		LocalDate yesterday = ParisTime.day(this.clock.instant()).minusDays(1);
		LocalDate first = this.data.firstDay();
		LocalDate from = (first != null) ? first : yesterday;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("passerelle-activite.csv").build().toString())
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.body((out) -> this.data.write(from, yesterday, out));
	}

}
