package fr.passerelle.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Territories;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VolunteerController {

	private final Volunteers volunteers;

	private final AccountManagement accounts;

	private final Territories territories;

	private final Topics topics;

	VolunteerController(Volunteers volunteers, AccountManagement accounts, Territories territories, Topics topics) {
		this.volunteers = volunteers;
		this.accounts = accounts;
		this.territories = territories;
		this.topics = topics;
	}

	/**
	 * The signed-in volunteer's own profile, as "mon compte" shows it.
	 */
	@GetMapping("/api/volunteers/me")
	MyProfile me(Authentication authentication, Locale locale) {
		long accountId = this.accounts.findByEmail(authentication.getName()).orElseThrow().id();
		VolunteerProfile profile = this.volunteers.find(accountId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "volunteer.profile.none"));
		Departement departement = this.territories.departement(profile.departementCode()).orElseThrow();
		List<String> skills = this.topics.all()
			.stream()
			.filter((topic) -> profile.skills().contains(topic.code()))
			.map((Topic topic) -> topic.name(locale))
			.toList();
		String phone = this.volunteers.phoneToRing(accountId).map(PhoneNumber::masked).orElse(null);
		RoutingProfile routing = this.volunteers.routingProfile(accountId).orElseThrow();
		List<String> served = new ArrayList<>();
		routing.servedDepartements()
			.stream()
			.sorted()
			.forEach((code) -> this.territories.departement(code)
				.ifPresent((departement1) -> served.add(departement1.name() + " (" + code + ")")));
		routing.servedRegions()
			.stream()
			.sorted()
			.forEach((code) -> this.territories.region(code).ifPresent((region) -> served.add(region.name())));
		return new MyProfile(departement.code(), departement.name(), skills, phone,
				new TreeSet<>(routing.languages()).stream().toList(), routing.capacity(), served,
				routing.servesNationally());
	}

	/**
	 * The phone the platform rings to connect the signed-in volunteer to callers; it is
	 * never shown to them.
	 */
	@PutMapping("/api/volunteers/me/phone")
	MyPhone registerPhone(Authentication authentication, @Valid @RequestBody MyPhone phone) {
		long accountId = this.accounts.findByEmail(authentication.getName()).orElseThrow().id();
		return new MyPhone(this.volunteers.registerPhone(accountId, phone.phone()));
	}

	/**
	 * @param maskedPhone the phone rung for calls, masked ({@code 06 •• •• •• 42}), or
	 * {@code null} when none is registered
	 * @param languages the codes of the languages they speak
	 * @param capacity how many requests they hold at once
	 * @param served the départements and régions they serve, by name
	 * @param servesNationally whether they take requests from anywhere (after a delay)
	 */
	record MyProfile(String departementCode, String departementName, List<String> skills, String maskedPhone,
			List<String> languages, int capacity, List<String> served, boolean servesNationally) {
	}

	record MyPhone(@NotBlank @Size(max = 30) String phone) {
	}

}
