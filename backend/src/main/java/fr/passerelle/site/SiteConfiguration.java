package fr.passerelle.site;

import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

	@Bean
	PublicPaths sitePublicPaths() {
		return PublicPaths.of("/", "/accessibilite", "/donnees-personnelles", "/rappel", "/css/**", "/favicon.svg");
	}

	@Bean
	PublicForms sitePublicForms() {
		return PublicForms.of("/rappel");
	}

}
