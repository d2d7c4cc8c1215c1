package fr.passerelle.site;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.PostcodeArea;
import fr.passerelle.territory.Territories;
import fr.passerelle.ticket.HelpRequest;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.TimeSlot;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;
import fr.passerelle.platform.HotlineNumber;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Être rappelé": the citizen leaves a number, a theme, a postcode and, if they wish, a
 * first name and the times that suit them. Works without JavaScript; errors are shown
 * next to their field and listed at the top. Limited to a few requests per hour per
 * number and per network address, generously enough for a France Services desk helping
 * several people from one connection.
 */
@Controller
class CallbackFormController {

	static final int PER_NUMBER_PER_HOUR = 3;

	static final int PER_ADDRESS_PER_HOUR = 20;

	private static final List<String> FIELDS = List.of("phone", "topic", "postcode", "firstName", "slots", "consent");

	private final TicketManagement tickets;

	private final Topics topics;

	private final Territories territories;

	private final PhoneVault vault;

	private final RateLimits rateLimits;

	private final HotlineNumber hotline;

	private final MessageSource messages;

	private final HelpRequests requests;

	CallbackFormController(TicketManagement tickets, HelpRequests requests, Topics topics, Territories territories,
			PhoneVault vault, RateLimits rateLimits, HotlineNumber hotline, MessageSource messages) {
		this.tickets = tickets;
		this.requests = requests;
		this.topics = topics;
		this.territories = territories;
		this.vault = vault;
		this.rateLimits = rateLimits;
		this.hotline = hotline;
		this.messages = messages;
	}

	@GetMapping("/rappel")
	String form(Model model, Locale locale) {
		return form(CallbackForm.empty(), Map.of(), model, locale);
	}

	@PostMapping("/rappel")
	String submit(@ModelAttribute CallbackForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach((error) -> errors.putIfAbsent(error.getField(), message("callback.error.invalid", locale)));
		if (!form.consented()) {
			errors.put("consent", message("callback.error.consent", locale));
		}
		Topic topic = parsed(() -> this.requests.activeTopic(form.topic()), errors, locale);
		PostcodeArea area = parsed(() -> this.requests.area(form.postcode()), errors, locale);
		if (form.website() != null && !form.website().isBlank()) {
			errors.put("phone", message("callback.error.robot", locale));
		}
		PhoneNumber phone = parsed(() -> this.requests.phone(form.phone()), errors, locale);
		String firstName = parsed(() -> this.requests.firstName(form.firstName()), errors, locale);
		if (errors.isEmpty() && !allowed(phone, request.getRemoteAddr())) {
			errors.put("phone", message("callback.error.too-many", locale));
		}
		if (errors.isEmpty()) {
			try {
				TicketView ticket = this.tickets
					.open(HelpRequest.callback(TicketSource.WEB_FORM, topic, area, phone, firstName, form.slots()));
				return confirmation(ticket, model, locale);
			}
			catch (RejectedRequest rejection) {
				if (rejection.field() == null) {
					throw rejection;
				}
				errors.put(rejection.field(), message(rejection, locale));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(form, inFormOrder(errors), model, locale);
	}

	/**
	 * A field's value parsed, or {@code null} with the refusal noted beside its field
	 * (each field is told its own error, all at once).
	 */
	private <T> T parsed(Supplier<T> parse, Map<String, String> errors, Locale locale) {
		try {
			return parse.get();
		}
		catch (RejectedRequest rejection) {
			errors.put(rejection.field(), message(rejection, locale));
			return null;
		}
	}

	private static Map<String, String> inFormOrder(Map<String, String> errors) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : FIELDS) {
			if (errors.containsKey(field)) {
				ordered.put(field, errors.get(field));
			}
		}
		return ordered;
	}

	private boolean allowed(PhoneNumber phone, String address) {
		return this.rateLimits.tryAcquire("callback-address", address, PER_ADDRESS_PER_HOUR, Duration.ofHours(1))
				&& this.rateLimits.tryAcquire("callback-number", this.vault.lookupHash(phone), PER_NUMBER_PER_HOUR,
						Duration.ofHours(1));
	}

	private String form(CallbackForm form, Map<String, String> errors, Model model, Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("topics",
				this.topics.active()
					.stream()
					.map((Topic topic) -> new Choice(topic.code(), topic.name(locale)))
					.toList());
		model.addAttribute("slots", List.of(TimeSlot.values()));
		addHotline(model);
		return "site/callback";
	}

	private String confirmation(TicketView ticket, Model model, Locale locale) {
		model.addAttribute("reference", ticket.reference().value());
		model.addAttribute("referenceSpelt", ticket.reference().spelt());
		model.addAttribute("when",
				(ticket.status() == TicketStatus.SCHEDULED)
						? message("callback.done.from", locale, localTime(ticket.nextAttemptAt(), ticket, locale))
						: message("callback.done.soon", locale));
		addHotline(model);
		return "site/callback-done";
	}

	private String localTime(Instant instant, TicketView ticket, Locale locale) {
		ZoneId zone = this.territories.departement(ticket.departementCode())
			.map(Departement::timeZone)
			.orElse(ZoneId.of("Europe/Paris"));
		ZonedDateTime local = instant.atZone(zone);
		String time = (local.getMinute() == 0) ? message("hours.time.hour", locale, local.getHour(), "00")
				: message("hours.time.minutes", locale, local.getHour(), String.format("%02d", local.getMinute()));
		return message("callback.done.date", locale, local.getDayOfWeek().getDisplayName(TextStyle.FULL, locale),
				local.getDayOfMonth(), local.getMonth().getDisplayName(TextStyle.FULL, locale), time);
	}

	private void addHotline(Model model) {
		model.addAttribute("hotlineNumber", this.hotline.display());
		model.addAttribute("hotlineLink", "tel:" + this.hotline.e164());
	}

	private String message(RejectedRequest rejection, Locale locale) {
		return this.messages.getMessage(rejection.messageCode(), rejection.arguments(), locale);
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	public record Choice(String code, String label) {
	}

}
