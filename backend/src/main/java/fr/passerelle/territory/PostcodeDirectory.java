package fr.passerelle.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * La Poste's postcodes with the communes they serve, read once from the generated
 * resource {@code territory/postcodes.csv} (about 35,000 rows, a few megabytes in
 * memory).
 */
@Component
class PostcodeDirectory {

	private final Map<String, List<Entry>> byPostcode;

	PostcodeDirectory() {
		this.byPostcode = load(new ClassPathResource("territory/postcodes.csv"));
	}

	List<Entry> lookup(Postcode postcode) {
		return this.byPostcode.getOrDefault(postcode.value(), List.of());
	}

	int size() {
		return this.byPostcode.size();
	}

	private static Map<String, List<Entry>> load(ClassPathResource resource) {
		Map<String, List<Entry>> entries = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split(";", 5);
				Entry entry = new Entry(new Commune(fields[1], fields[4]), fields[2], Long.parseLong(fields[3]));
				entries.computeIfAbsent(fields[0], (postcode) -> new ArrayList<>()).add(entry);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource.getPath(), ex);
		}
		entries.replaceAll((postcode, list) -> List.copyOf(list));
		return Map.copyOf(entries);
	}

	/**
	 * A commune served by a postcode, with its département (or overseas collectivity)
	 * code and population.
	 */
	record Entry(Commune commune, String departementCode, long population) {
	}

}
