/**
 * The staff browsers' real-time channel: STOMP over WebSocket at one endpoint, signed in
 * with the HTTP session, CSRF token on CONNECT, allowed origins from configuration. Each
 * volunteer receives on {@code /user/queue/console} what concerns them (offers, their
 * requests, their presence; {@code /user/exchange/amq.direct/console} when relayed to
 * RabbitMQ); queue figures go to {@code /topic/figures.{region}}, which only staff who
 * follow that région may read. Several instances share RabbitMQ's STOMP broker. Presence
 * follows the connection: a volunteer whose consoles all closed goes offline after a
 * grace period, and the requests being offered to them go back to the queue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console",
		allowedDependencies = { "account", "routing", "statistics", "territory", "ticket", "volunteer" })
package fr.passerelle.console;
