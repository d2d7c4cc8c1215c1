package fr.passerelle.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what a request says about its citizen is kept once the request is closed (CNIL
 * guidance: no longer than the purpose needs).
 *
 * @param contact the citizen's number (encrypted, and its hash), first name and preferred
 * times: long enough to call back about a request just closed, no longer
 * @param notes volunteers' notes, which may say more about the person's situation
 */
@ConfigurationProperties("passerelle.retention")
record RetentionProperties(@DefaultValue("30d") Duration contact, @DefaultValue("365d") Duration notes) {
}
