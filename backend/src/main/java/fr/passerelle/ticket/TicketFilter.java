package fr.passerelle.ticket;

import java.time.Instant;
import java.util.Set;

/**
 * What a list of tickets is narrowed to; every criterion is optional.
 *
 * @param statuses any of these states
 * @param topicCode one theme
 * @param departementCode one département
 * @param regionCode one région
 * @param reference one reference
 * @param createdFrom created at or after
 * @param createdBefore created before
 */
public record TicketFilter(Set<TicketStatus> statuses, String topicCode, String departementCode, String regionCode,
		TicketReference reference, Instant createdFrom, Instant createdBefore) {

	public static TicketFilter none() {
		return new TicketFilter(Set.of(), null, null, null, null, null, null);
	}

}
