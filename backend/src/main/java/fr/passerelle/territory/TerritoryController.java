package fr.passerelle.territory;

import java.util.List;

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
