package fr.passerelle.demo;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * {@code passerelle.demo.enabled} when set; otherwise on exactly when the application
 * runs its own embedded database (no {@code spring.datasource.url}), so that demo
 * accounts never land in an operator's database by default.
 */
class DemoEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		String explicit = environment.getProperty("passerelle.demo.enabled");
		if (StringUtils.hasText(explicit)) {
			return Boolean.parseBoolean(explicit.strip()) ? ConditionOutcome.match("passerelle.demo.enabled=true")
					: ConditionOutcome.noMatch("passerelle.demo.enabled=false");
		}
		return StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				? ConditionOutcome.noMatch("external database") : ConditionOutcome.match("embedded database");
	}

}
