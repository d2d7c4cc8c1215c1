package fr.passerelle.demo;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DemoEnabledConditionTests {

	// Without the process environment: the tests may themselves run with
	// SPRING_DATASOURCE_URL set.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withUserConfiguration(DemoOnly.class);

	@Test
	void isOnForTheEmbeddedDatabaseRun() {
		this.runner.run((context) -> assertThat(context).hasBean("marker"));
	}

	@Test
	void isOffWithAnExternalDatabase() {
		this.runner.withPropertyValues("spring.datasource.url=jdbc:mariadb://db.example.org/passerelle")
			.run((context) -> assertThat(context).doesNotHaveBean("marker"));
	}

	@Test
	void followsAnExplicitSetting() {
		this.runner.withPropertyValues("passerelle.demo.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("marker"));
		this.runner
			.withPropertyValues("passerelle.demo.enabled=true",
					"spring.datasource.url=jdbc:mariadb://db.example.org/passerelle")
			.run((context) -> assertThat(context).hasBean("marker"));
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(DemoEnabledCondition.class)
	static class DemoOnly {

		@Bean
		String marker() {
			return "demo";
		}

	}

}
