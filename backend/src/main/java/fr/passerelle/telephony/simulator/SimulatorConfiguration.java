package fr.passerelle.telephony.simulator;

import fr.passerelle.platform.OnboardingPaths;
import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The simulator's doors, open in simulator mode only: its Twilio API (which checks its
 * callers' credentials itself, as Twilio does) and the training phone a volunteer who
 * signed up uses for practice calls before approval.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorMode.class)
public class SimulatorConfiguration {

	static final String SIMULATED_API = TwilioSimulator.API_BASE + "/**";

	@Bean
	PublicPaths simulatedApiPublicPaths() {
		return PublicPaths.of(SIMULATED_API);
	}

	@Bean
	PublicForms simulatedApiPublicForms() {
		return PublicForms.of(SIMULATED_API);
	}

	@Bean
	OnboardingPaths trainingPhoneOnboardingPaths() {
		return OnboardingPaths.of("/api/simulator/phone", "/api/simulator/phone/**");
	}

}
