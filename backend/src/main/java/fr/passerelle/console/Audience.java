package fr.passerelle.console;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.territory.Departement;
import fr.passerelle.territory.Region;
import fr.passerelle.territory.Territories;
import fr.passerelle.volunteer.RoutingProfile;
import fr.passerelle.volunteer.Volunteers;

import org.springframework.stereotype.Component;

/**
 * Whose queue figures a staff member follows: every région for administrators, national
 * coordinators and volunteers who serve the whole country; their own for a regional
 * coordinator; for other volunteers, the régions of the départements and régions they
 * serve.
 */
@Component
class Audience {

	private final AccountManagement accounts;

	private final Volunteers volunteers;

	private final Territories territories;

	Audience(AccountManagement accounts, Volunteers volunteers, Territories territories) {
		this.accounts = accounts;
		this.volunteers = volunteers;
		this.territories = territories;
	}

	Optional<StaffAccount> staff(String name) {
		return this.accounts.findByEmail(name);
	}

	Set<String> regionsFollowedBy(String name) {
		return staff(name).map(this::regionsFollowedBy).orElse(Set.of());
	}

	Set<String> regionsFollowedBy(StaffAccount staff) {
		if (staff.role() == Role.ADMIN || (staff.role() == Role.COORDINATOR && staff.isNational())) {
			return allRegions();
		}
		if (staff.role() == Role.COORDINATOR) {
			return Set.of(staff.regionCode());
		}
		Optional<RoutingProfile> profile = this.volunteers.routingProfile(staff.id());
		if (profile.isEmpty()) {
			return Set.of();
		}
		RoutingProfile volunteer = profile.get();
		if (volunteer.servesNationally()) {
			return allRegions();
		}
		Set<String> regions = new TreeSet<>(volunteer.servedRegions());
		regions.add(volunteer.regionCode());
		for (String departement : volunteer.servedDepartements()) {
			this.territories.departement(departement).map(Departement::regionCode).ifPresent(regions::add);
		}
		return regions;
	}

	private Set<String> allRegions() {
		Set<String> regions = new TreeSet<>();
		this.territories.regions().stream().map(Region::code).forEach(regions::add);
		return regions;
	}

}
