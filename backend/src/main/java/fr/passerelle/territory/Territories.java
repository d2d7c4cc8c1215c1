package fr.passerelle.territory;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Régions, départements and postcodes. Reference data only changes with a migration, so
 * it is read once.
 */
@Service
public class Territories {

	private final PostcodeDirectory postcodes;

	private final Map<String, Region> regions;

	private final Map<String, Departement> departements;

	Territories(JdbcClient jdbc, PostcodeDirectory postcodes) {
		this.postcodes = postcodes;
		this.regions = jdbc.sql("SELECT code, name FROM region")
			.query((rs, row) -> new Region(rs.getString("code"), rs.getString("name")))
			.stream()
			.collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
		this.departements = jdbc.sql("SELECT code, name, region_code, time_zone FROM departement")
			.query((rs, row) -> new Departement(rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
					ZoneId.of(rs.getString("time_zone"))))
			.stream()
			.collect(Collectors.toUnmodifiableMap(Departement::code, Function.identity()));
	}

	/**
	 * All régions, by code.
	 */
	public List<Region> regions() {
		return this.regions.values().stream().sorted(Comparator.comparing(Region::code)).toList();
	}

	/**
	 * All départements, by code ({@code 2A} and {@code 2B} between {@code 19} and
	 * {@code 21}).
	 */
	public List<Departement> departements() {
		return this.departements.values()
			.stream()
			.sorted(Comparator.comparing((Departement d) -> d.code().replace("2A", "20A").replace("2B", "20B")))
			.toList();
	}

	public Optional<Region> region(String code) {
		return Optional.ofNullable(this.regions.get(code));
	}

	public Optional<Departement> departement(String code) {
		return Optional.ofNullable(this.departements.get(code));
	}

	/**
	 * Finds where a postcode is.
	 * @throws RejectedRequest when no commune has this postcode, or when it belongs to an
	 * overseas collectivity (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin,
	 * the Pacific) rather than a département
	 */
	public PostcodeArea resolve(Postcode postcode) {
		List<PostcodeDirectory.Entry> entries = this.postcodes.lookup(postcode);
		if (entries.isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "territory.postcode.unknown", postcode.value());
		}
		String code = entries.stream()
			.collect(Collectors.groupingBy(PostcodeDirectory.Entry::departementCode,
					Collectors.summingLong(PostcodeDirectory.Entry::population)))
			.entrySet()
			.stream()
			.max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.orElseThrow()
			.getKey();
		Departement departement = departement(code).orElseThrow(() -> new RejectedRequest(HttpStatus.BAD_REQUEST,
				"territory.postcode.outside-departements", postcode.value(), entries.get(0).commune().name()));
		return new PostcodeArea(postcode, departement, this.regions.get(departement.regionCode()),
				entries.stream().map(PostcodeDirectory.Entry::commune).toList());
	}

}
