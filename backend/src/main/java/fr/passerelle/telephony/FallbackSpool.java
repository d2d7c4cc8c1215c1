package fr.passerelle.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.privacy.SealedNumbers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Callback requests taken while the database could not record them, kept on this
 * instance's disk (the number encrypted, as in the database) and recorded as soon as the
 * database answers again. Each instance replays its own.
 */
@Component
class FallbackSpool implements SealedNumbers {

	private static final Logger log = LoggerFactory.getLogger(FallbackSpool.class);

	private final Path directory;

	private final PhoneVault vault;

	private final InboundCalls calls;

	private final HelpRequests requests;

	private final boolean replayEnabled;

	FallbackSpool(TelephonyProperties properties, PhoneVault vault, InboundCalls calls, HelpRequests requests,
			MeterRegistry meters) {
		this.requests = requests;
		Gauge.builder("passerelle.fallback.spool.size", this, FallbackSpool::size)
			.description("Requests kept on this instance's disk until the database takes them")
			.register(meters);
		this.directory = properties.spoolDir();
		this.replayEnabled = properties.spoolReplayEnabled();
		this.vault = vault;
		this.calls = calls;
	}

	/** What a kept request's number is sealed for: its call. */
	static String sealedRow(String callSid) {
		return "spool/" + callSid;
	}

	/** Keeps a request for later; a call kept twice is kept once. */
	void keep(String callSid, PhoneNumber from, String topicCode, String postcode) {
		String line = String.join(" ", callSid, topicCode, postcode,
				Base64.getEncoder().encodeToString(this.vault.seal(from, sealedRow(callSid)).ciphertext()));
		try {
			Files.createDirectories(this.directory);
			Path partial = this.directory.resolve(fileName(callSid) + ".tmp");
			Files.writeString(partial, line, StandardCharsets.US_ASCII);
			Files.move(partial, this.directory.resolve(fileName(callSid) + ".request"),
					StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep a callback request", ex);
		}
	}

	@Scheduled(fixedDelayString = "${passerelle.telephony.spool-replay-every:60s}", initialDelayString = "10s")
	void replayRegularly() {
		if (this.replayEnabled) {
			replay();
		}
	}

	/** Records the requests kept; returns how many were recorded now. */
	synchronized int replay() {
		if (!Files.isDirectory(this.directory)) {
			return 0;
		}
		int recorded = 0;
		for (Path request : requests()) {
			try {
				String[] parts = Files.readString(request, StandardCharsets.US_ASCII).trim().split(" ");
				PhoneNumber from = this.vault.open(Base64.getDecoder().decode(parts[3]), sealedRow(parts[0]));
				this.calls.requestCallback(parts[0], from, this.requests.topic(parts[1]), this.requests.area(parts[2]));
				Files.delete(request);
				recorded++;
			}
			catch (IOException | RuntimeException stillFailing) {
				log.warn("A kept callback request could not be recorded yet ({}): {}", request.getFileName(),
						stillFailing.getClass().getSimpleName());
				break;
			}
		}
		return recorded;
	}

	@Override
	public String name() {
		return "telephony spool (" + this.directory + ")";
	}

	/** Kept requests' numbers, sealed again by a key rotation. */
	@Override
	public synchronized int sealAgain(PhoneVault vault) {
		if (!Files.isDirectory(this.directory)) {
			return 0;
		}
		int sealed = 0;
		for (Path request : requests()) {
			try {
				String[] parts = Files.readString(request, StandardCharsets.US_ASCII).trim().split(" ");
				byte[] cipher = Base64.getDecoder().decode(parts[3]);
				if (!vault.isCurrent(cipher)) {
					keep(parts[0], vault.open(cipher, sealedRow(parts[0])), parts[1], parts[2]);
					sealed++;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return sealed;
	}

	/**
	 * The requests kept for a number, for its citizen's access request.
	 */
	synchronized List<Map<String, Object>> keptFor(PhoneNumber phone) {
		List<Map<String, Object>> kept = new ArrayList<>();
		forEachKeptFor(phone, (request, parts) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("topic", parts[1]);
			item.put("postcode", parts[2]);
			item.put("keptAt", Files.getLastModifiedTime(request).toInstant().toString());
			kept.add(item);
		});
		return kept;
	}

	/**
	 * Deletes the requests kept for a number, at its citizen's request.
	 * @return how many were deleted
	 */
	synchronized int forget(PhoneNumber phone) {
		int[] deleted = { 0 };
		forEachKeptFor(phone, (request, parts) -> {
			Files.delete(request);
			deleted[0]++;
		});
		return deleted[0];
	}

	private void forEachKeptFor(PhoneNumber phone, KeptRequest action) {
		if (!Files.isDirectory(this.directory)) {
			return;
		}
		for (Path request : requests()) {
			try {
				String[] parts = Files.readString(request, StandardCharsets.US_ASCII).trim().split(" ");
				if (this.vault.open(Base64.getDecoder().decode(parts[3]), sealedRow(parts[0])).equals(phone)) {
					action.accept(request, parts);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@FunctionalInterface
	private interface KeptRequest {

		void accept(Path request, String[] parts) throws IOException;

	}

	private List<Path> requests() {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".request")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many requests wait on this instance's disk for the database. */
	synchronized int size() {
		return Files.isDirectory(this.directory) ? requests().size() : 0;
	}

	/** A CallSid made safe as a file name. */
	private static String fileName(String callSid) {
		return callSid.replaceAll("[^A-Za-z0-9]", "_");
	}

}
