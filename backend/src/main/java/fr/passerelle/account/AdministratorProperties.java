package fr.passerelle.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created at the first start.
 *
 * @param email sign-in address
 * @param password initial password; when empty, one is generated, printed once, and must
 * be changed at first sign-in
 */
@ConfigurationProperties("passerelle.admin")
record AdministratorProperties(@DefaultValue("admin@passerelle.local") String email, String password) {
}
