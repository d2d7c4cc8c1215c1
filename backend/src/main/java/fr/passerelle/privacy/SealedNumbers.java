package fr.passerelle.privacy;

/**
 * Numbers a module keeps sealed (and their lookup hashes), which a key rotation seals and
 * hashes again under the current key. Each module that keeps numbers declares one bean.
 */
public interface SealedNumbers {

	/** What is sealed, for the rotation's report: {@code ticket.phone_cipher}, say. */
	String name();

	/**
	 * Seals again, under the vault's current key and bound to its row, every number not
	 * sealed so yet, with its lookup hash renewed; doing it again changes nothing.
	 * @return how many numbers were sealed again
	 */
	int sealAgain(PhoneVault vault);

}
