package fr.passerelle.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.platform.SubjectHashes;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * "Mes connexions": the places a staff member is signed in (a computer at home, the
 * association's, a phone), and ending those they do not recognise, their password asked
 * again. Sessions are named by a keyed hash of their identifier, never by the identifier,
 * which would let whoever reads it take the session.
 */
@Service
class MySessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final PasswordChanges passwords;

	private final SubjectHashes hashes;

	private final AuditLog audit;

	MySessions(FindByIndexNameSessionRepository<? extends Session> sessions, PasswordChanges passwords,
			SubjectHashes hashes, AuditLog audit) {
		this.sessions = sessions;
		this.passwords = passwords;
		this.hashes = hashes;
		this.audit = audit;
	}

	/** The staff member's sessions, the one used last first. */
	List<SignedInSession> list(String email, String currentSessionId) {
		return this.sessions.findByPrincipalName(email)
			.values()
			.stream()
			.map((session) -> new SignedInSession(reference(session.getId()), session.getCreationTime(),
					session.getLastAccessedTime(), session.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(SignedInSession::lastUsedAt).reversed())
			.toList();
	}

	/**
	 * Ends one of the staff member's other sessions, or all of them when
	 * {@code reference} is {@code null}, once their password is confirmed; a session
	 * already ended ends nothing.
	 * @return how many ended
	 * @throws RejectedRequest (400) for the current session (signing out ends it) or a
	 * wrong password, (429) when throttled
	 */
	int end(String email, String currentSessionId, String password, String reference, String address) {
		if (reference != null && reference.equals(reference(currentSessionId))) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "account.sessions.current");
		}
		Account account = this.passwords.confirm(email, password, address);
		List<String> ended = this.sessions.findByPrincipalName(email)
			.keySet()
			.stream()
			.filter((id) -> !id.equals(currentSessionId))
			.filter((id) -> reference == null || reference.equals(reference(id)))
			.toList();
		ended.forEach(this.sessions::deleteById);
		if (!ended.isEmpty()) {
			this.audit.record(AuditAction.SESSIONS_ENDED, email, "account/" + account.id(),
					Map.of("sessions", ended.size()));
		}
		return ended.size();
	}

	private String reference(String sessionId) {
		return this.hashes.hash("session", sessionId).substring(0, 24);
	}

	/**
	 * @param reference what names the session to end it
	 * @param current whether it is the one asking
	 */
	record SignedInSession(String reference, Instant createdAt, Instant lastUsedAt, boolean current) {
	}

}
