package fr.passerelle.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff sessions ({@code passerelle.account.*}).
 *
 * @param sessionLifetime how long a sign-in lasts, active or not: a session older than
 * that is signed out
 * @param csrfCookieName the cookie that carries the CSRF token to the staff app
 * ({@code __Host-XSRF-TOKEN} in production, where the site is served over HTTPS)
 */
@ConfigurationProperties("passerelle.account")
record AccountProperties(@DefaultValue("12h") Duration sessionLifetime,
		@DefaultValue("XSRF-TOKEN") String csrfCookieName) {
}
