package fr.passerelle.site;

import java.util.Locale;

import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;
import fr.passerelle.telephony.HotlineNumber;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SiteController {

	private final HotlineNumber hotline;

	private final OpeningHours openingHours;

	private final OpeningHoursText openingHoursText;

	private final Topics topics;

	SiteController(HotlineNumber hotline, OpeningHours openingHours, OpeningHoursText openingHoursText, Topics topics) {
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
		model.addAttribute("topics",
				this.topics.all()
					.stream()
					.filter((topic) -> topic.menuDigit() != '0')
					.map((Topic topic) -> topic.name(locale))
					.toList());
		return "site/home";
	}

	@GetMapping("/accessibilite")
	String accessibility(Model model) {
		model.addAttribute("hotlineNumber", this.hotline.display());
		model.addAttribute("hotlineLink", "tel:" + this.hotline.e164());
		return "site/accessibility";
	}

}
