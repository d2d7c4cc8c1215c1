package fr.passerelle.console;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.ticket.TicketChanged;
import fr.passerelle.ticket.TicketOffered;
import fr.passerelle.volunteer.PresenceChanged;
import fr.passerelle.volunteer.TrainingProgressed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells each volunteer's consoles what concerns them, once it is committed: an offer
 * (which rings), a change to one of their requests, their presence. Plain listeners that
 * send after commit: a module listener would record a publication on every claim. A
 * console that was not connected misses nothing: it reads {@code GET /api/console} when
 * it connects.
 */
@Component
class ConsolePushes {

	private static final Logger logger = LoggerFactory.getLogger(ConsolePushes.class);

	private final SimpMessagingTemplate messaging;

	private final AccountManagement accounts;

	private final Map<Long, String> names = new ConcurrentHashMap<>();

	private final SimpUserRegistry users;

	private final ConsoleChannel channel;

	ConsolePushes(SimpMessagingTemplate messaging, AccountManagement accounts, SimpUserRegistry users,
			ConsoleChannel channel) {
		this.users = users;
		this.channel = channel;
		this.messaging = messaging;
		this.accounts = accounts;
	}

	@EventListener
	void on(TicketOffered offered) {
		sendAfterCommit(offered.volunteerId(),
				new ConsoleEvent("OFFERED", offered.ticketId(), null, offered.expiresAt()));
	}

	@EventListener
	void on(TicketChanged changed) {
		ConsoleEvent event = new ConsoleEvent("TICKET", changed.ticketId(), changed.status().name(), null);
		if (changed.assigneeBefore() != null && !changed.assigneeBefore().equals(changed.assigneeId())) {
			sendAfterCommit(changed.assigneeBefore(), event);
		}
		if (changed.assigneeId() != null) {
			sendAfterCommit(changed.assigneeId(), event);
		}
	}

	@EventListener
	void on(PresenceChanged changed) {
		sendAfterCommit(changed.accountId(), new ConsoleEvent("PRESENCE", null, changed.status().name(), null));
	}

	/** The training checklist is read again when it moves on, not polled. */
	@EventListener
	void on(TrainingProgressed progressed) {
		sendAfterCommit(progressed.accountId(), new ConsoleEvent("TRAINING", null, null, null));
	}

	/**
	 * Sends once the transaction has committed: the user's name is read now, inside it.
	 */
	private void sendAfterCommit(long accountId, ConsoleEvent event) {
		String name = this.names.computeIfAbsent(accountId,
				(id) -> this.accounts.find(id).map(StaffAccount::email).orElse(null));
		if (name != null) {
			afterCommit(() -> {
				// a volunteer without a console connected has nothing to be told (one
				// that
				// connects later reads its state); with several instances, a console that
				// connected elsewhere a moment ago may not be known here yet, and the
				// broker passes the message on to the other instances
				if (this.channel.relayed() || this.users.getUser(name) != null) {
					this.messaging.convertAndSendToUser(name, this.channel.personalQueue(), event);
				}
			});
		}
	}

	/**
	 * Runs {@code action} once the current transaction commits (at once without one). A
	 * failure is logged: what was committed stays committed, and the console catches up
	 * when it next reads its state.
	 */
	static void afterCommit(Runnable action) {
		Runnable safely = () -> {
			try {
				action.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not push a change to the consoles", ex);
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					safely.run();
				}
			});
		}
		else {
			safely.run();
		}
	}

	/**
	 * What a console receives on its personal queue. Ids and states only: the console
	 * reads the details it may see through the REST API.
	 *
	 * @param type {@code OFFERED} (the console rings until {@code expiresAt}),
	 * {@code TICKET} (one of the user's requests changed, or left them), {@code PRESENCE}
	 * or {@code TRAINING} (their training checklist moved on)
	 * @param status the ticket's new state, or the new presence
	 */
	record ConsoleEvent(String type, Long ticketId, String status, Instant expiresAt) {
	}

}
