package fr.passerelle;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random French mobile numbers, so that tests sharing a database never mistake each other
 * for repeat callers.
 */
public final class TestPhones {

	private TestPhones() {
	}

	public static String randomMobile() {
		// 061x xx xx xx: metropolitan mobile numbers, all valid (06 9x and 06 39 belong
		// to overseas départements).
		return String.format("061%07d", ThreadLocalRandom.current().nextInt(10_000_000));
	}

}
