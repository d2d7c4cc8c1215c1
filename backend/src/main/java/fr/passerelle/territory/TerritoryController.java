package fr.passerelle.territory;

import java.util.List;

import fr.passerelle.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/territory")
class TerritoryController {

	private final Territories territories;

	TerritoryController(Territories territories) {
		this.territories = territories;
	}

	/**
	 * France's geography is public: the volunteers' sign-up page lists the départements.
	 */
	@Bean
	static PublicPaths territoryPublicPaths() {
		return PublicPaths.of("/api/territory/regions", "/api/territory/departements");
	}

	@GetMapping("/regions")
	List<Region> regions() {
		return this.territories.regions();
	}

	@GetMapping("/departements")
	List<Departement> departements() {
		return this.territories.departements();
	}

	@GetMapping("/postcodes/{postcode}")
	PostcodeArea postcode(@PathVariable String postcode) {
		return this.territories.resolve(Postcode.parse(postcode));
	}

}
