package fr.passerelle.ticket;

import java.util.List;

/**
 * One page of a list of tickets.
 */
public record TicketPage(List<TicketView> items, int page, int size, long total) {
}
