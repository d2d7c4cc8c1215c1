package fr.passerelle.volunteer;

import fr.passerelle.platform.OnboardingPaths;
import fr.passerelle.platform.PublicPaths;
import fr.passerelle.platform.RestrictedPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OnboardingConfiguration {

	/**
	 * Anyone may sign up as a volunteer (with the CSRF token the app reads from its
	 * cookie).
	 */
	@Bean
	PublicPaths onboardingPublicPaths() {
		return PublicPaths.of("/api/sign-up");
	}

	/**
	 * Before approval, a volunteer trains and completes their own profile, nothing more.
	 */
	@Bean
	OnboardingPaths volunteerOnboardingPaths() {
		return OnboardingPaths.of("/api/volunteers/me", "/api/volunteers/me/training", "/api/volunteers/me/charter",
				"/api/volunteers/me/shifts", "/api/volunteers/me/phone");
	}

	/**
	 * Coordinators approve the sign-ups of their région (national ones, all of them).
	 */
	@Bean
	RestrictedPaths applicationReviewPaths() {
		return RestrictedPaths.coordinators("/api/volunteer-applications", "/api/volunteer-applications/**");
	}

}
