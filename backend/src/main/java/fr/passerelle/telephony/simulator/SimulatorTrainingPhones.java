package fr.passerelle.telephony.simulator;

import java.util.regex.Pattern;

import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.volunteer.TrainingPhones;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The training phones of simulator mode: each staff member's simulated phone,
 * {@code +3361} and seven digits ({@link SimulatorPhoneController}). With a Twilio
 * account there are none.
 */
@Conditional(SimulatorMode.class)
@Component
class SimulatorTrainingPhones implements TrainingPhones {

	static final Pattern NUMBER = Pattern.compile("\\+3361\\d{7}");

	@Override
	public boolean isTrainingPhone(PhoneNumber phone) {
		return NUMBER.matcher(phone.e164()).matches();
	}

}
