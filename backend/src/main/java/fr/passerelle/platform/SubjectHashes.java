package fr.passerelle.platform;

/**
 * Keyed hashes of what limits and throttles count (network addresses, accounts, numbers),
 * so that a copy of the database cannot be turned back into them by trying every address.
 * The privacy module holds the key.
 */
public interface SubjectHashes {

	/**
	 * A keyed hash of {@code value}, different for each {@code purpose}, as 64 hex
	 * digits.
	 */
	String hash(String purpose, String value);

}
