package fr.passerelle.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each kind of personal record is kept ({@code passerelle.retention.*}), in one
 * place (CNIL guidance: no longer than the purpose needs). Each module's clean-up reads
 * its own.
 *
 * @param contact a closed request's citizen: number (encrypted, and its hash), first
 * name, preferred times; long enough to call back about a request just closed, no longer
 * @param notes volunteers' notes, which may say more about the person's situation
 * @param calls the records of calls (numbers hashed) and the day-by-day facts behind the
 * statistics
 * @param texts the texts sent and received (numbers encrypted)
 * @param presence volunteers' presence periods (a little over a year, for the yearly
 * report)
 * @param audit the audit log of staff actions
 */
@ConfigurationProperties("passerelle.retention")
public record RetentionPeriods(@DefaultValue("30d") Duration contact, @DefaultValue("365d") Duration notes,
		@DefaultValue("365d") Duration calls, @DefaultValue("365d") Duration texts,
		@DefaultValue("396d") Duration presence, @DefaultValue("365d") Duration audit) {
}
