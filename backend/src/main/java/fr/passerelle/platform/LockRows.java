package fr.passerelle.platform;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows that exist only to be locked ({@code SELECT … FOR UPDATE}), one per subject that
 * limits and throttles count. A row is created by an {@code INSERT IGNORE} in a
 * transaction of its own, committed at once, so that the lock taken afterwards is the
 * only one parallel requests wait on, and a request never holds two connections. Call it
 * outside a transaction.
 */
@Component
public class LockRows {

	private static final int ATTEMPTS = 3;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	LockRows(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Runs {@code insertIgnore} (an {@code INSERT IGNORE}) with these parameters, again
	 * if it loses a race with a parallel one.
	 */
	public void ensure(String insertIgnore, Object... parameters) {
		for (int attempt = 1;; attempt++) {
			try {
				this.ownTransaction
					.executeWithoutResult((status) -> this.jdbc.sql(insertIgnore).params(parameters).update());
				return;
			}
			catch (ConcurrencyFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
