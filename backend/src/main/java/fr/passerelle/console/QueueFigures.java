package fr.passerelle.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.passerelle.routing.QueueFigure;
import fr.passerelle.routing.RoutingQueries;
import fr.passerelle.ticket.TicketChanged;
import fr.passerelle.ticket.TicketQueued;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * The queue figures the consoles show, by région. A ticket that moves marks them stale;
 * at most every {@code figures-interval} they are read again (one grouped query, whatever
 * the number of changes) and each région whose figures changed is sent to its topic.
 */
@Component
class QueueFigures {

	private final RoutingQueries routing;

	private final SimpMessagingTemplate messaging;

	private final SimpUserRegistry users;

	private final ConsoleChannel channel;

	/**
	 * The longest pause after a slow reading: a loaded database may slow the figures
	 * down, never silence them.
	 */
	private static final long LONGEST_PAUSE = Duration.ofSeconds(2).toNanos();

	private final AtomicBoolean stale = new AtomicBoolean(true);

	private volatile long notBefore;

	private final Map<String, RegionFigures> sent = new ConcurrentHashMap<>();

	QueueFigures(RoutingQueries routing, SimpMessagingTemplate messaging, SimpUserRegistry users,
			ConsoleChannel channel) {
		this.routing = routing;
		this.channel = channel;
		this.messaging = messaging;
		this.users = users;
	}

	@EventListener
	void on(TicketChanged changed) {
		ConsolePushes.afterCommit(() -> this.stale.set(true));
	}

	@EventListener
	void on(TicketQueued queued) {
		ConsolePushes.afterCommit(() -> this.stale.set(true));
	}

	/**
	 * Sends the figures of the régions that changed since the last time, if anything
	 * moved; returns how many régions were sent.
	 */
	synchronized int publishChanges() {
		if (this.users.getUserCount() == 0 || System.nanoTime() < this.notBefore || !this.stale.getAndSet(false)) {
			// nobody to tell on this instance (the figures stay stale until someone is),
			// or the last reading was too recent to keep the database's share small
			return 0;
		}
		Map<String, RegionFigures> now = read();
		int published = 0;
		Set<String> regions = new TreeSet<>(this.sent.keySet());
		regions.addAll(now.keySet());
		for (String region : regions) {
			RegionFigures figures = now.getOrDefault(region, RegionFigures.empty(region));
			RegionFigures before = this.sent.get(region);
			// with several instances, another may have sent newer figures since: send
			// them all again
			if (!this.channel.relayed() && before != null && before.rows().equals(figures.rows())) {
				continue;
			}
			this.messaging.convertAndSend(ConsoleChannel.FIGURES_TOPIC + region, figures);
			this.sent.put(region, figures);
			published++;
		}
		return published;
	}

	/**
	 * The figures of these régions as they stand now.
	 */
	List<RegionFigures> of(Set<String> regions) {
		Map<String, RegionFigures> now = read();
		return regions.stream().sorted().map((r) -> now.getOrDefault(r, RegionFigures.empty(r))).toList();
	}

	private Map<String, RegionFigures> read() {
		long started = System.nanoTime();
		Map<String, List<Row>> rows = new TreeMap<>();
		for (QueueFigure figure : this.routing.queueFigures()) {
			rows.computeIfAbsent(figure.regionCode(), (r) -> new ArrayList<>())
				.add(new Row(figure.departementCode(), figure.topicCode(), figure.kind().name(), figure.waiting(),
						figure.offered(), figure.oldestSince()));
		}
		Map<String, RegionFigures> figures = new TreeMap<>();
		rows.forEach((region, list) -> {
			list.sort(Comparator.comparing(Row::departement).thenComparing(Row::topic).thenComparing(Row::kind));
			figures.put(region, new RegionFigures(region, List.copyOf(list)));
		});
		// one grouped scan of the waiting requests: with a very long queue it takes
		// milliseconds, so it runs at most 5% of the time, yet at least every 2 seconds
		// when something moved
		long took = System.nanoTime() - started;
		this.notBefore = System.nanoTime() + Math.min(20 * took, LONGEST_PAUSE);
		return figures;
	}

	/**
	 * What waits in one région, by département, theme and kind of request.
	 */
	record RegionFigures(String region, List<Row> rows) {

		static RegionFigures empty(String region) {
			return new RegionFigures(region, List.of());
		}

	}

	/**
	 * @param kind {@code LIVE_CALL} or {@code CALLBACK}
	 * @param waiting requests not yet taken (offered ones included)
	 * @param offered of which being offered to a volunteer now
	 * @param oldestSince since when the oldest has waited
	 */
	record Row(String departement, String topic, String kind, int waiting, int offered, Instant oldestSince) {
	}

}
