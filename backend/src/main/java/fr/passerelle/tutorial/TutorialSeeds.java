package fr.passerelle.tutorial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * At start-up, loads the tutorials written for Passerelle ({@code tutorials/*.md} in the
 * application, one bundle file each): new ones are added, newer revisions replace older
 * ones unless a coordinator changed them here. Several instances may start at once: the
 * one that loses the race loads again and finds everything there.
 */
@Component
class TutorialSeeds implements ApplicationRunner {

	static final String LOCATION = "classpath:tutorials/*.md";

	private static final Logger log = LoggerFactory.getLogger(TutorialSeeds.class);

	private final Tutorials tutorials;

	TutorialSeeds(Tutorials tutorials) {
		this.tutorials = tutorials;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Tutorials.BundleFile> files = files();
		Tutorials.ImportReport report;
		try {
			report = this.tutorials.load(files, "SEED");
		}
		catch (DataIntegrityViolationException anotherInstanceLoadedThem) {
			report = this.tutorials.load(files, "SEED");
		}
		if (!report.added().isEmpty() || !report.updated().isEmpty()) {
			log.info("Tutorials loaded: {} added, {} updated", report.added().size(), report.updated().size());
		}
	}

	static List<Tutorials.BundleFile> files() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			List<Tutorials.BundleFile> files = new ArrayList<>();
			for (Resource resource : Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.toList()) {
				files.add(new Tutorials.BundleFile(resource.getFilename(),
						resource.getContentAsString(StandardCharsets.UTF_8)));
			}
			return files;
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("The tutorials shipped with Passerelle cannot be read", unreadable);
		}
	}

}
