package fr.passerelle.console;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.passerelle.statistics.CoverageAlertRaised;
import fr.passerelle.statistics.Wallboard;
import fr.passerelle.statistics.Wallboards;
import fr.passerelle.ticket.TicketChanged;
import fr.passerelle.ticket.TicketQueued;
import fr.passerelle.volunteer.PresenceChanged;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Pushes the wallboards to {@code /topic/wallboard.{scope}} ({@code FR} or a région's
 * code) when something moved: a request, a volunteer's presence, an alert; and at least
 * every {@value #REFRESH_SECONDS} s while anyone looks (calls end, time passes). One
 * reading serves every scope; a wallboard is sent only when it changed, and only while
 * someone follows a wallboard.
 */
@Component
class WallboardPushes {

	static final int REFRESH_SECONDS = 15;

	private final Wallboards wallboards;

	private final SimpMessagingTemplate messaging;

	private final SimpUserRegistry users;

	private final ConsoleChannel channel;

	private final AtomicBoolean stale = new AtomicBoolean(true);

	private final Map<String, Wallboard> sent = new ConcurrentHashMap<>();

	private volatile long lastReading;

	WallboardPushes(Wallboards wallboards, SimpMessagingTemplate messaging, SimpUserRegistry users,
			ConsoleChannel channel) {
		this.wallboards = wallboards;
		this.messaging = messaging;
		this.users = users;
		this.channel = channel;
	}

	@EventListener
	void on(TicketChanged changed) {
		ConsolePushes.afterCommit(() -> this.stale.set(true));
	}

	@EventListener
	void on(TicketQueued queued) {
		ConsolePushes.afterCommit(() -> this.stale.set(true));
	}

	@EventListener
	void on(PresenceChanged changed) {
		ConsolePushes.afterCommit(() -> this.stale.set(true));
	}

	@EventListener
	void on(CoverageAlertRaised raised) {
		ConsolePushes.afterCommit(() -> this.stale.set(true));
	}

	/**
	 * Sends the wallboards that changed, if anything moved and someone looks; returns how
	 * many were sent.
	 */
	synchronized int publishChanges() {
		long now = System.nanoTime();
		boolean due = now - this.lastReading > Duration.ofSeconds(REFRESH_SECONDS).toNanos();
		if (!watched() || !(this.stale.getAndSet(false) || due)) {
			return 0;
		}
		this.lastReading = now;
		int published = 0;
		for (Map.Entry<String, Wallboard> board : this.wallboards.all().entrySet()) {
			Wallboard before = this.sent.get(board.getKey());
			if (!this.channel.relayed() && before != null && sameFigures(before, board.getValue())) {
				continue;
			}
			this.messaging.convertAndSend(ConsoleChannel.WALLBOARD_TOPIC + board.getKey(), board.getValue());
			this.sent.put(board.getKey(), board.getValue());
			published++;
		}
		return published;
	}

	/** Whether anyone (on this instance, or any with a relay) follows a wallboard. */
	private boolean watched() {
		return !this.users
			.findSubscriptions(
					(subscription) -> subscription.getDestination().startsWith(ConsoleChannel.WALLBOARD_TOPIC))
			.isEmpty();
	}

	private static boolean sameFigures(Wallboard a, Wallboard b) {
		return a.queue().equals(b.queue()) && a.volunteers().equals(b.volunteers()) && a.today().equals(b.today())
				&& a.areas().equals(b.areas()) && a.alerts().equals(b.alerts()) && a.status().equals(b.status())
				&& a.targets().equals(b.targets())
				&& Objects.equals(a.firstAttemptWithin24hRate(), b.firstAttemptWithin24hRate());
	}

}
