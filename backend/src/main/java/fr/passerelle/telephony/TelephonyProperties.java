package fr.passerelle.telephony;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hotline behaves on this instance ({@code passerelle.telephony.*}).
 *
 * @param spoolDir where callers' callback requests are kept while the database is away,
 * to be replayed once it is back
 * @param spoolReplayEnabled whether this instance replays the spool
 * @param live live answering
 */
@ConfigurationProperties("passerelle.telephony")
record TelephonyProperties(@DefaultValue("data/telephony-spool") Path spoolDir,
		@DefaultValue("true") boolean spoolReplayEnabled, @DefaultValue Live live) {

	/**
	 * @param callersPerVolunteer how many callers may wait per volunteer available before
	 * new callers are offered a callback instead
	 */
	record Live(@DefaultValue("3") int callersPerVolunteer) {
	}

}
