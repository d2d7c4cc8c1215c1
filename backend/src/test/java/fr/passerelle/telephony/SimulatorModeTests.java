package fr.passerelle.telephony;

import fr.passerelle.telephony.simulator.SimulatorConfiguration;
import fr.passerelle.telephony.simulator.SimulatorMode;
import fr.passerelle.platform.OnboardingPaths;
import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;
import fr.passerelle.platform.PublicSite;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Twilio simulator (its API, its calls, the training phone) exists only where no
 * Twilio account is used, and its paths are public only there: with a real account,
 * {@code /simulator/twilio/**} is nobody's door.
 */
class SimulatorModeTests {

	private final ApplicationContextRunner probe = new ApplicationContextRunner().withUserConfiguration(Probe.class);

	private final ApplicationContextRunner telephony = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, TelephonyConfiguration.class, SimulatorConfiguration.class)
		.withPropertyValues("passerelle.public-base-url=https://passerelle.example");

	@Test
	void theSimulatorStandsInWithoutATwilioAccountOrWhenAskedFor() {
		this.probe.run((context) -> assertThat(context).hasBean("simulatorOnly"));
		this.probe
			.withPropertyValues("passerelle.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
					"passerelle.twilio.mode=simulator")
			.run((context) -> assertThat(context).hasBean("simulatorOnly"));
	}

	@Test
	void withATwilioAccountThereIsNoSimulator() {
		this.probe.withPropertyValues("passerelle.twilio.account-sid=AC0123456789abcdef0123456789abcdef")
			.run((context) -> assertThat(context).doesNotHaveBean("simulatorOnly"));
		this.probe.withPropertyValues("passerelle.twilio.mode=twilio")
			.run((context) -> assertThat(context).doesNotHaveBean("simulatorOnly"));
	}

	@Test
	void theSimulatedApiIsPublicInSimulatorModeOnly() {
		this.telephony.run((context) -> {
			assertThat(context.getBeansOfType(PublicPaths.class)
				.values()
				.stream()
				.flatMap((paths) -> paths.patterns().stream())
				.toList()).contains("/simulator/twilio/**", "/telephony/**");
			assertThat(context.getBeansOfType(OnboardingPaths.class)).isNotEmpty();
		});
		this.telephony
			.withPropertyValues("passerelle.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
					"passerelle.twilio.auth-token=0123456789abcdef0123456789abcdef")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(PublicPaths.class)
					.values()
					.stream()
					.flatMap((paths) -> paths.patterns().stream())
					.toList()).containsExactly("/telephony/**");
				assertThat(context.getBeansOfType(PublicForms.class)
					.values()
					.stream()
					.flatMap((forms) -> forms.patterns().stream())
					.toList()).containsExactly("/telephony/**");
				assertThat(context.getBeansOfType(OnboardingPaths.class)).isEmpty();
			});
	}

	/**
	 * With a Twilio account nothing of the simulator is loaded, so nothing else may need
	 * it: production code knows the simulated API's address (a constant) and nothing
	 * more.
	 */
	@Test
	void noProductionCodeDependsOnTheSimulator() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.passerelle");

		noClasses().that()
			.resideOutsideOfPackage("fr.passerelle.telephony.simulator..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("fr.passerelle.telephony.simulator..")
			.check(main);
	}

	@Configuration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		@Conditional(SimulatorMode.class)
		String simulatorOnly() {
			return "the simulator";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ TwilioProperties.class, PublicSite.class })
	static class Properties {

	}

}
