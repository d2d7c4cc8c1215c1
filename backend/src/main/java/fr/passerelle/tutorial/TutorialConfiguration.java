package fr.passerelle.tutorial;

import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;
import fr.passerelle.platform.RestrictedPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TutorialConfiguration {

	@Bean
	PublicPaths tutorialPublicPaths() {
		return PublicPaths.of("/tutoriels", "/tutoriels/**", "/t/*");
	}

	/**
	 * "Cette page vous a-t-elle aidé ?" is answered without an account.
	 */
	@Bean
	PublicForms tutorialPublicForms() {
		return PublicForms.of("/tutoriels/*/avis");
	}

	/**
	 * Coordinators publish, withdraw and check tutorials, and import or export them all.
	 */
	@Bean
	RestrictedPaths tutorialEditorsPaths() {
		return RestrictedPaths.coordinators("/api/tutorials/editor/bundle", "/api/tutorials/editor/*/publish",
				"/api/tutorials/editor/*/unpublish", "/api/tutorials/editor/*/reviewed");
	}

}
