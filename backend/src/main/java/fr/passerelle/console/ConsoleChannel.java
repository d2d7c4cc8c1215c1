package fr.passerelle.console;

import org.springframework.stereotype.Component;

/**
 * Where consoles read what is pushed to them. On the in-memory broker a user's own
 * messages go to a queue; through RabbitMQ they go to its {@code amq.direct} exchange
 * instead, whose queues belong to one connection and vanish with it (a {@code /queue/}
 * destination there would be a lasting queue, left behind by every closed console).
 */
@Component
class ConsoleChannel {

	/**
	 * Queue figures of one région: {@code /topic/figures.{region}} (RabbitMQ takes no
	 * further slash in a topic's name).
	 */
	static final String FIGURES_TOPIC = "/topic/figures.";

	/**
	 * The wallboard of the whole country ({@code /topic/wallboard.FR}) or of a région
	 * ({@code /topic/wallboard.53}), for coordinators.
	 */
	static final String WALLBOARD_TOPIC = "/topic/wallboard.";

	private final boolean relayed;

	ConsoleChannel(ConsoleProperties properties) {
		this.relayed = properties.relay().enabled();
	}

	/**
	 * Whether the instances share a broker: then a user's consoles may be connected to
	 * another instance than the one that has something to tell them.
	 */
	boolean relayed() {
		return this.relayed;
	}

	/**
	 * The destination of what concerns one user alone, as the server sends to it (a
	 * browser subscribes to it under {@code /user}).
	 */
	String personalQueue() {
		return this.relayed ? "/exchange/amq.direct/console" : "/queue/console";
	}

	/**
	 * What a console subscribes to.
	 */
	Destinations destinations() {
		return new Destinations("/user" + personalQueue(), FIGURES_TOPIC);
	}

	/**
	 * @param personal the user's own messages: offers, their requests, their presence
	 * @param figures the prefix of the queue figures of a région, followed by its code
	 */
	record Destinations(String personal, String figures) {
	}

}
