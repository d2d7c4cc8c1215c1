package fr.passerelle.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PersonalData.DataSubject;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A citizen's rights over what Passerelle keeps about their number (GDPR articles 15 and
 * 17): everything, as one file, and its erasure. Answered by national coordinators and
 * administrators, who check the person's identity first (by calling the number back);
 * each answer goes in the audit log, with the number masked.
 */
@Service
public class DataSubjectRequests {

	private final List<PersonalData> holders;

	private final PhoneVault vault;

	private final AuditLog audit;

	private final Clock clock;

	DataSubjectRequests(List<PersonalData> holders, PhoneVault vault, AuditLog audit, Clock clock) {
		this.holders = holders;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Everything kept about the number, by what keeps it.
	 */
	public AccessFile access(PhoneNumber phone) {
		DataSubject subject = subject(phone);
		Map<String, List<Map<String, Object>>> kept = new LinkedHashMap<>();
		for (PersonalData holder : this.holders) {
			kept.put(holder.name(), holder.find(subject));
		}
		this.audit.record(AuditAction.ACCESS_REQUEST_ANSWERED, null, Map.of("masked", phone.masked()));
		return new AccessFile(this.clock.instant(), phone.masked(), kept);
	}

	/**
	 * Erases what is kept about the number, everywhere; erasing again changes nothing.
	 * @return how many items each holder erased
	 * @throws RejectedRequest (409) while a request for the number is still open: it must
	 * be closed or cancelled first, so that nobody calls back a number that is gone
	 */
	public Map<String, Integer> erase(PhoneNumber phone) {
		DataSubject subject = subject(phone);
		for (PersonalData holder : this.holders) {
			Optional<String> refused = holder.erasureRefused(subject);
			if (refused.isPresent()) {
				throw new RejectedRequest(HttpStatus.CONFLICT, refused.get());
			}
		}
		// in the holders' order: those that find their items through another's link come
		// first
		Map<String, Integer> erased = new LinkedHashMap<>();
		for (PersonalData holder : this.holders) {
			erased.put(holder.name(), holder.erase(subject));
		}
		this.audit.record(AuditAction.ERASURE_DONE, null, Map.of("masked", phone.masked(), "erased", erased));
		return erased;
	}

	private DataSubject subject(PhoneNumber phone) {
		return new DataSubject(phone, this.vault.lookupHashes(phone));
	}

	/**
	 * What a citizen receives: everything kept about their number when it was asked.
	 *
	 * @param masked the number, masked (the file may travel)
	 * @param kept by what keeps it, one map per item
	 */
	public record AccessFile(Instant generatedAt, String masked, Map<String, List<Map<String, Object>>> kept) {
	}

}
