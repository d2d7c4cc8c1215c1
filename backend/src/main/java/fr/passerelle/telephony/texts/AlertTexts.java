package fr.passerelle.telephony.texts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import fr.passerelle.telephony.Voice;
import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RateLimits.Limit;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.statistics.AlertSubscriptions;
import fr.passerelle.statistics.CoverageAlertRaised;
import fr.passerelle.territory.Region;
import fr.passerelle.territory.Territories;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Texts a coverage alert, from the hotline's number, to the coordinators of its scope who
 * asked for it: each rule of each scope at most once an hour, and one phone at most
 * {@link #PER_PHONE} times; handled after the alert is committed, and never sent twice
 * ({@link Texts}).
 */
@Component
class AlertTexts {

	/** Alerts one phone may be texted, per hour and per day. */
	static final Limit PER_PHONE = new Limit(6, 20);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm")
		.withZone(ZoneId.of("Europe/Paris"));

	private final AlertSubscriptions subscriptions;

	private final Texts texts;

	private final Voice voice;

	private final Territories territories;

	private final RateLimits limits;

	private final PhoneVault vault;

	AlertTexts(AlertSubscriptions subscriptions, Texts texts, Voice voice, Territories territories, RateLimits limits,
			PhoneVault vault) {
		this.subscriptions = subscriptions;
		this.texts = texts;
		this.voice = voice;
		this.territories = territories;
		this.limits = limits;
		this.vault = vault;
	}

	@ApplicationModuleListener
	void on(CoverageAlertRaised raised) {
		String where = "FR".equals(raised.scope()) ? this.voice.text("sms.alert.national")
				: this.territories.region(raised.scope()).map(Region::name).orElse(raised.scope());
		String body = this.voice.text("sms.alert." + raised.rule(), where, TIME.format(raised.since()));
		for (AlertSubscriptions.Recipient recipient : this.subscriptions.recipientsOnce(raised.rule(),
				raised.scope())) {
			if (this.limits.allows("alert-text-phone", this.vault.lookupHash(recipient.phone()), PER_PHONE)) {
				this.texts.sendOnce("ALERT:%s:%s:%s:%d".formatted(raised.rule(), raised.scope(),
						raised.since().toEpochMilli(), recipient.accountId()), null, null, recipient.phone(), body);
			}
		}
	}

}
