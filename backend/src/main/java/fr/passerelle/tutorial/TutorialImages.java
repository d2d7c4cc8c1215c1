package fr.passerelle.tutorial;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Images for tutorials' steps: whatever the editor uploads (a phone's photo, a
 * screenshot) is decoded (JPEG in RGB or CMYK, PNG, GIF, BMP, WebP: the JDK's readers and
 * TwelveMonkeys'), turned upright as the phone was held (EXIF orientation), reduced in
 * steps by Thumbnailator to at most {@value #MAX_WIDTH} pixels wide and re-encoded as a
 * light JPEG, which drops its metadata (a photo's location, the camera). Pages stay under
 * 150 kB with what they load: a tutorial's images may weigh
 * {@value #MAX_IMAGES_PER_TUTORIAL} bytes in all.
 */
@Service
public class TutorialImages {

	static final int MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

	/** Larger pictures are refused before they are decoded (a decompression bomb). */
	static final int MAX_SOURCE_PIXELS = 40_000_000;

	static final int MAX_WIDTH = 640;

	static final int MAX_IMAGES_PER_TUTORIAL = 100 * 1024;

	/** How an image is referred to in a tutorial's Markdown: by its unguessable name. */
	static final Pattern REFERENCE = Pattern.compile("/tutoriels/images/([0-9a-f]{32})\\.jpg");

	/**
	 * Pictures decoded at once; each is decoded to at most {@value #DECODED_SIDE} pixels
	 * a side.
	 */
	static final int PARALLEL_DECODES = 2;

	/**
	 * The longest side a picture is decoded to (it is read subsampled when larger), so
	 * that a decode needs at most about 15 MB, whatever the picture.
	 */
	static final int DECODED_SIDE = 1920;

	private final Semaphore decodes = new Semaphore(PARALLEL_DECODES, true);

	private final SecureRandom random = new SecureRandom();

	private static final float[] QUALITIES = { 0.72f, 0.55f, 0.4f };

	private static final int LIGHT_ENOUGH = 60 * 1024;

	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
			"msf1", "avif", "avis");

	private final JdbcClient jdbc;

	private final Clock clock;

	TutorialImages(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		// the readers of the application's own jars (TwelveMonkeys'), whichever class
		// loader first touched ImageIO
		ImageIO.scanForPlugins();
	}

	/**
	 * Stores an uploaded picture, reduced and re-encoded; the same picture again gives
	 * the same image.
	 * @throws RejectedRequest when it is too large or not a picture that can be read (an
	 * iPhone's HEIC is refused with a way to send a JPEG instead)
	 */
	// Not one transaction: the picture is decoded before the database is asked anything.
	public Stored upload(byte[] original, StaffAccount uploader) {
		if (original.length == 0) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.image.invalid");
		}
		if (original.length > MAX_UPLOAD_BYTES) {
			throw new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE, "tutorial.image.too-large", 8);
		}
		BufferedImage reduced = reduce(decodeWithinBudget(original));
		byte[] jpeg = encode(reduced);
		String sha256 = sha256(jpeg);
		Optional<Stored> existing = findBySha(sha256);
		if (existing.isPresent()) {
			return existing.get();
		}
		byte[] name = new byte[16];
		this.random.nextBytes(name);
		try {
			this.jdbc.sql("""
					INSERT INTO tutorial_image (token, sha256, width, height, bytes, uploaded_by, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(HexFormat.of().formatHex(name), sha256, reduced.getWidth(), reduced.getHeight(), jpeg,
						uploader.id(), Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException sameUploadedMeanwhile) {
			// the same picture, uploaded at the same time: the first one is the image
		}
		return findBySha(sha256).orElseThrow();
	}

	/**
	 * An image's JPEG bytes, by its name.
	 */
	public Optional<byte[]> bytes(String token) {
		return this.jdbc.sql("SELECT bytes FROM tutorial_image WHERE token = ?")
			.param(token)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * Whether a published tutorial shows this image: until then, only staff see it.
	 */
	boolean isPublished(String token) {
		String reference = "%/tutoriels/images/" + token + ".jpg%";
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM tutorial
				WHERE status = 'PUBLISHED' AND (steps LIKE ? OR prerequisites LIKE ?)""")
			.params(reference, reference)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * What the images a text refers to weigh, together.
	 */
	long weightOf(String text) {
		Matcher references = REFERENCE.matcher(text);
		Set<String> tokens = new HashSet<>();
		while (references.find()) {
			tokens.add(references.group(1));
		}
		if (tokens.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("SELECT COALESCE(SUM(LENGTH(bytes)), 0) FROM tutorial_image WHERE token IN (:tokens)")
			.param("tokens", List.copyOf(tokens))
			.query(Long.class)
			.single();
	}

	private Optional<Stored> findBySha(String sha256) {
		return this.jdbc.sql("SELECT id, token, width, height, LENGTH(bytes) FROM tutorial_image WHERE sha256 = ?")
			.param(sha256)
			.query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.optional();
	}

	/**
	 * Decodes within the memory budget: a few at a time, each subsampled to at most
	 * {@value #DECODED_SIDE} pixels a side.
	 * @throws RejectedRequest (503) when too many are being decoded for too long
	 */
	BufferedImage decodeWithinBudget(byte[] original) {
		try {
			if (!this.decodes.tryAcquire(20, TimeUnit.SECONDS)) {
				throw new RejectedRequest(HttpStatus.SERVICE_UNAVAILABLE, "tutorial.image.busy");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RejectedRequest(HttpStatus.SERVICE_UNAVAILABLE, "tutorial.image.busy");
		}
		try {
			return decode(original);
		}
		finally {
			this.decodes.release();
		}
	}

	private static BufferedImage decode(byte[] original) {
		if (isHeif(original)) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.image.heic");
		}
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.image.invalid");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, false);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_SOURCE_PIXELS) {
					throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.image.too-many-pixels");
				}
				int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
				int step = Math.max(1, (longest + DECODED_SIDE - 1) / DECODED_SIDE);
				ImageReadParam subsampled = reader.getDefaultReadParam();
				subsampled.setSourceSubsampling(step, step, 0, 0);
				Orientation orientation = orientation(reader);
				BufferedImage decoded = reader.read(0, subsampled);
				return (orientation != null) ? ExifFilterUtils.getFilterForOrientation(orientation).apply(decoded)
						: decoded;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			if (unreadable instanceof RejectedRequest rejected) {
				throw rejected;
			}
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.image.invalid");
		}
	}

	/**
	 * How the phone was held, from a JPEG's EXIF; {@code null} for upright or unknown.
	 */
	private static Orientation orientation(ImageReader reader) {
		try {
			Orientation orientation = ExifUtils.getExifOrientation(reader, 0);
			return (orientation != Orientation.TOP_LEFT) ? orientation : null;
		}
		catch (IOException | RuntimeException notJpegOrNoExif) {
			return null;
		}
	}

	/**
	 * An iPhone's HEIC (or an AVIF): an ISO box {@code ftyp} whose brand no Java reader
	 * decodes; the editor is told how to send a JPEG instead.
	 */
	static boolean isHeif(byte[] bytes) {
		if (bytes.length < 12 || !"ftyp".equals(new String(bytes, 4, 4, StandardCharsets.ISO_8859_1))) {
			return false;
		}
		return HEIF_BRANDS.contains(new String(bytes, 8, 4, StandardCharsets.ISO_8859_1));
	}

	/**
	 * At most {@value #MAX_WIDTH} pixels wide, reduced in steps (no single-pass
	 * shimmering), in RGB on white (JPEG has no transparency).
	 */
	private static BufferedImage reduce(BufferedImage source) {
		double scale = Math.min(1.0, (double) MAX_WIDTH / source.getWidth());
		BufferedImage reduced;
		try {
			reduced = Thumbnails.of(source).scale(scale).asBufferedImage();
		}
		catch (IOException impossible) {
			throw new IllegalStateException("resizing in memory failed", impossible);
		}
		BufferedImage onWhite = new BufferedImage(reduced.getWidth(), reduced.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = onWhite.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, onWhite.getWidth(), onWhite.getHeight());
			graphics.drawImage(reduced, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return onWhite;
	}

	/** JPEG, lighter and lighter until it weighs little enough. */
	private static byte[] encode(BufferedImage image) {
		byte[] jpeg = null;
		for (float quality : QUALITIES) {
			jpeg = jpeg(image, quality);
			if (jpeg.length <= LIGHT_ENOUGH) {
				break;
			}
		}
		return jpeg;
	}

	private static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(quality);
			parameters.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		catch (IOException impossible) {
			throw new IllegalStateException("JPEG encoding in memory failed", impossible);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", impossible);
		}
	}

	/**
	 * An image as stored.
	 *
	 * @param id its identifier
	 * @param token its unguessable name
	 * @param width its width in pixels
	 * @param height its height in pixels
	 * @param size its weight in bytes
	 */
	public record Stored(long id, String token, int width, int height, int size) {

		/** Where browsers load it (citizens' once its tutorial is published). */
		public String url() {
			return "/tutoriels/images/" + this.token + ".jpg";
		}

	}

}
