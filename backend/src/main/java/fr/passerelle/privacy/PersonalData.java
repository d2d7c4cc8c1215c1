package fr.passerelle.privacy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a module keeps about a phone number, for a citizen's access and erasure requests
 * ({@link DataSubjectRequests}). Each module that keeps anything found by a number, or
 * linked to what is, declares one bean; a test checks that every column that may hold a
 * number or its hash is covered by one.
 */
public interface PersonalData {

	/** What is kept, for the access file and the erasure's report: {@code requests}. */
	String name();

	/**
	 * Everything kept about the number: one map per item, with values JSON can write.
	 */
	List<Map<String, Object>> find(DataSubject subject);

	/**
	 * Why what is kept cannot be erased now (a request still open), as a message code.
	 */
	default Optional<String> erasureRefused(DataSubject subject) {
		return Optional.empty();
	}

	/**
	 * Erases what is kept about the number (or cuts its link to it); erasing again
	 * changes nothing.
	 * @return how many items were erased
	 */
	int erase(DataSubject subject);

	/**
	 * The person a request is about, as the stores find them.
	 *
	 * @param phone their number
	 * @param lookupHashes its lookup hashes under every key version, current first
	 */
	record DataSubject(PhoneNumber phone, List<String> lookupHashes) {
	}

}
