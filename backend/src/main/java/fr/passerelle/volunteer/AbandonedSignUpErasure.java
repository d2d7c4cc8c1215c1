package fr.passerelle.volunteer;

import fr.passerelle.account.SignUpAbandoned;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the volunteer's profile of a sign-up never confirmed (name and address go with
 * the account): its phone, département, themes, languages and availability, in the
 * transaction that erases the account.
 */
@Component
class AbandonedSignUpErasure {

	private final JdbcClient jdbc;

	AbandonedSignUpErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(SignUpAbandoned abandoned) {
		for (String table : new String[] { "volunteer_practice_call", "volunteer_shift", "volunteer_presence",
				"volunteer_territory", "volunteer_skill", "volunteer" }) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE account_id = ?").param(abandoned.accountId()).update();
		}
	}

}
