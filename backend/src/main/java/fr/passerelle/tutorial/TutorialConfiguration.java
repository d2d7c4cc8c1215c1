package fr.passerelle.tutorial;

import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;

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

}
