package fr.passerelle.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the registry of events between modules is kept ({@code passerelle.events.*}).
 *
 * @param resubmitAfter how old an event still not handled must be before it is handed to
 * its listeners again: longer than any listener takes, so that what an instance is
 * handling is not handed twice
 * @param keepCompleted how long a handled event is kept, for diagnosis
 */
@ConfigurationProperties("passerelle.events")
public record EventPublicationProperties(@DefaultValue("5m") Duration resubmitAfter,
		@DefaultValue("7d") Duration keepCompleted) {
}
