package fr.passerelle.site;

import java.util.Locale;

import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;
import fr.passerelle.platform.HotlineNumber;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SiteController {

	private final HotlineNumber hotline;

	private final OpeningHours openingHours;

	private final OpeningHoursText openingHoursText;

	private final Topics topics;

	private final Environment environment;

	SiteController(HotlineNumber hotline, OpeningHours openingHours, OpeningHoursText openingHoursText, Topics topics,
			Environment environment) {
		this.environment = environment;
		this.hotline = hotline;
		this.openingHours = openingHours;
		this.openingHoursText = openingHoursText;
		this.topics = topics;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		model.addAttribute("hotlineNumber", this.hotline.display());
		model.addAttribute("hotlineLink", "tel:" + this.hotline.e164());
		model.addAttribute("openingHours", this.openingHoursText.describe(this.openingHours.weekly(), locale));
		model.addAttribute("openNow", this.openingHours.isOpenNow());
		model.addAttribute("exceptions",
				this.openingHoursText.describeExceptions(this.openingHours.exceptions(), locale));
		model.addAttribute("topics",
				this.topics.active()
					.stream()
					.filter((topic) -> !topic.onKey('0'))
					.map((Topic topic) -> topic.name(locale))
					.toList());
		return "site/home";
	}

	/**
	 * The privacy notice: who is responsible, why, what is kept and how long (the
	 * retention settings in force), who sees it, the providers, and the citizen's rights.
	 */
	@GetMapping("/donnees-personnelles")
	String privacy(Model model) {
		model.addAttribute("controller",
				this.environment.getProperty("passerelle.privacy.controller-name", "l'association Passerelle"));
		model.addAttribute("contact",
				this.environment.getProperty("passerelle.privacy.contact", "donnees-personnelles@passerelle.example"));
		model.addAttribute("host",
				this.environment.getProperty("passerelle.privacy.host", "notre hébergeur, en France"));
		model.addAttribute("contactDays", days("passerelle.retention.contact", "30d"));
		model.addAttribute("notesDays", days("passerelle.retention.notes", "365d"));
		model.addAttribute("textsDays", days("passerelle.retention.texts", "365d"));
		model.addAttribute("callsDays", days("passerelle.retention.calls", "365d"));
		model.addAttribute("hotlineNumber", this.hotline.display());
		model.addAttribute("hotlineLink", "tel:" + this.hotline.e164());
		return "site/privacy";
	}

	private long days(String property, String defaultValue) {
		return DurationStyle.detectAndParse(this.environment.getProperty(property, defaultValue)).toDays();
	}

	@GetMapping("/accessibilite")
	String accessibility(Model model) {
		model.addAttribute("hotlineNumber", this.hotline.display());
		model.addAttribute("hotlineLink", "tel:" + this.hotline.e164());
		return "site/accessibility";
	}

}
