package fr.passerelle.telephony.simulator;

import fr.passerelle.telephony.TwilioProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the Twilio simulator stands in for Twilio ({@code passerelle.twilio.mode}, or
 * no account configured): its API, its calls and the training phone exist only then, and
 * their paths are public only then.
 */
public class SimulatorMode implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("passerelle.twilio", TwilioProperties.class)
			.map(TwilioProperties::effectiveMode)
			.orElse(TwilioProperties.Mode.SIMULATOR) == TwilioProperties.Mode.SIMULATOR;
	}

}
