package fr.passerelle.volunteer;

import fr.passerelle.privacy.PhoneNumber;

/**
 * Tells a training phone (the simulator's phone of a staff member) from a real one: a
 * volunteer whose registered phone is one is practising, and is the only kind of
 * volunteer offered practice requests. The telephony module knows them.
 */
public interface TrainingPhones {

	boolean isTrainingPhone(PhoneNumber phone);

}
