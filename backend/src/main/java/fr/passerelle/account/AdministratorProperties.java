package fr.passerelle.account;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created at the first start.
 *
 * @param email sign-in address
 * @param password initial password; when empty, one is generated, written to
 * {@code passwordFile} (never to the log), and must be changed at first sign-in
 * @param passwordFile where a generated password is written, readable by its owner only
 */
@ConfigurationProperties("passerelle.admin")
record AdministratorProperties(@DefaultValue("admin@passerelle.local") String email, String password,
		@DefaultValue("data/first-administrator-password") Path passwordFile) {
}
