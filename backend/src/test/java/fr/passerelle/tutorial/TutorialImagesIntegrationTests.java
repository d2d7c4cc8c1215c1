package fr.passerelle.tutorial;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures for tutorials' steps, uploaded from the editor and served to citizens.
 */
@IntegrationTest
class TutorialImagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void aPhotoIsReducedReEncodedAndServedUnderAnUnguessableName() throws IOException {
		StaffClient volunteer = signIn(Role.VOLUNTEER);
		byte[] png = png(2000, 1500, false);

		HttpResponse<String> uploaded = upload(volunteer, png, "image/png");
		HttpResponse<String> again = upload(volunteer, png, "image/png");

		assertThat(uploaded.statusCode()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(uploaded.body(), "$.width")).isEqualTo(640);
		assertThat((Integer) JsonPath.read(uploaded.body(), "$.height")).isEqualTo(480);
		assertThat((Integer) JsonPath.read(uploaded.body(), "$.size")).isLessThanOrEqualTo(60 * 1024);
		String url = JsonPath.read(uploaded.body(), "$.url");
		assertThat(url).matches("/tutoriels/images/[0-9a-f]{32}\\.jpg");
		assertThat((String) JsonPath.read(again.body(), "$.url")).as("the same picture is stored once").isEqualTo(url);

		HttpResponse<byte[]> served = volunteer.send(volunteer.request(url).GET(), BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).as("staff see drafts' pictures").isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(served.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
		assertThat(image.getWidth()).isEqualTo(640);
		long id = ((Number) JsonPath.read(uploaded.body(), "$.id")).longValue();
		StaffClient citizen = new StaffClient(this.port);
		assertThat(citizen.get("/tutoriels/images/" + id + ".jpg").statusCode()).as("no sequential address")
			.isEqualTo(404);
		assertThat(citizen.get("/tutoriels/images/" + "0".repeat(32) + ".jpg").statusCode()).isEqualTo(404);
	}

	@Test
	void aPictureIsPrivateUntilItsTutorialIsPublished() throws IOException {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		String url = JsonPath.read(upload(coordinator, png(900, 600, false), "image/png").body(), "$.url");
		HttpResponse<String> created = coordinator.postJson("/api/tutorials/editor", draft(url));
		String slug = JsonPath.read(created.body(), "$.slug");
		StaffClient citizen = new StaffClient(this.port);

		assertThat(citizen.get(url).statusCode()).as("a draft's picture").isEqualTo(404);
		assertThat(coordinator.postForm("/api/tutorials/editor/" + slug + "/publish", java.util.Map.of()).statusCode())
			.isEqualTo(200);
		HttpResponse<byte[]> published = citizen.send(citizen.request(url).GET(), BodyHandlers.ofByteArray());
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(published.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=86400", "public"));
		assertThat(
				coordinator.postForm("/api/tutorials/editor/" + slug + "/unpublish", java.util.Map.of()).statusCode())
			.isEqualTo(200);
		assertThat(citizen.get(url).statusCode()).isEqualTo(404);
	}

	@Autowired
	TutorialImages images;

	@Test
	void decodesALargePictureSubsampledWithinItsMemoryBudget() throws IOException {
		BufferedImage decoded = this.images.decodeWithinBudget(png(6000, 3000, false));

		assertThat(Math.max(decoded.getWidth(), decoded.getHeight())).isLessThanOrEqualTo(TutorialImages.DECODED_SIDE);
		assertThat(decoded.getWidth()).isEqualTo(1500);
	}

	@Test
	void dropsAPhotosMetadataSuchAsItsLocation() throws IOException {
		StaffClient volunteer = signIn(Role.VOLUNTEER);
		byte[] withExif = withExif(jpeg(800, 600));
		assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("Exif", "GPS 48.85N 2.35E");

		HttpResponse<String> uploaded = upload(volunteer, withExif, "image/jpeg");

		assertThat(uploaded.statusCode()).isEqualTo(201);
		HttpResponse<byte[]> served = volunteer.send(volunteer.request(JsonPath.read(uploaded.body(), "$.url")).GET(),
				BodyHandlers.ofByteArray());
		assertThat(new String(served.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "GPS");
	}

	@Test
	void aPortraitPhotoComesOutUprightAsThePhoneWasHeld() throws IOException {
		StaffClient volunteer = signIn(Role.VOLUNTEER);
		// a phone held upright stores its picture sideways and says so in EXIF:
		// orientation 6, "turn a quarter clockwise to show"
		BufferedImage sideways = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = sideways.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 800, 400);
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, 100, 100);
		graphics.dispose();

		HttpResponse<String> uploaded = upload(volunteer, withOrientation(encode(sideways, "jpeg"), 6), "image/jpeg");

		assertThat(uploaded.statusCode()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(uploaded.body(), "$.width")).isEqualTo(400);
		assertThat((Integer) JsonPath.read(uploaded.body(), "$.height")).isEqualTo(800);
		BufferedImage served = served(volunteer, uploaded);
		assertThat(served.getWidth()).isEqualTo(400);
		assertThat(new Color(served.getRGB(served.getWidth() - 20, 20)).getRed()).as("the stored top left, top right")
			.isGreaterThan(200);
		assertThat(new Color(served.getRGB(served.getWidth() - 20, 20)).getGreen()).isLessThan(60);
		assertThat(new Color(served.getRGB(20, 20)).getGreen()).as("white at the top left").isGreaterThan(200);
	}

	@Test
	void readsAPrintersCmykJpegAndAWebpPicture() throws IOException {
		StaffClient volunteer = signIn(Role.VOLUNTEER);

		HttpResponse<String> cmyk = upload(volunteer, cmykJpeg(300, 200), "image/jpeg");
		HttpResponse<String> webp = upload(volunteer,
				twoColourWebp(80, 40, new Color(11, 79, 138), new Color(250, 180, 200)), "image/webp");

		assertThat(cmyk.statusCode()).as(cmyk.body()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(cmyk.body(), "$.width")).isEqualTo(300);
		assertThat(webp.statusCode()).as(webp.body()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(webp.body(), "$.width")).isEqualTo(80);
		BufferedImage served = served(volunteer, webp);
		Color left = new Color(served.getRGB(10, 20));
		Color right = new Color(served.getRGB(70, 20));
		assertThat(left.getRed()).isLessThan(60);
		assertThat(left.getGreen()).isBetween(40, 120);
		assertThat(right.getRed()).isGreaterThan(200);
		assertThat(right.getGreen()).isGreaterThan(150);
	}

	@Test
	void anIphonesHeicPhotoIsRefusedWithAWayToSendAJpeg() {
		StaffClient volunteer = signIn(Role.VOLUNTEER);
		byte[] heic = new byte[64];
		byte[] box = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(box, 0, heic, 0, box.length);

		HttpResponse<String> refused = upload(volunteer, heic, "image/heic");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("HEIC", "Le plus compatible");
	}

	@Test
	void refusesWhatIsNotAPictureAndWhoIsNotSignedIn() {
		StaffClient volunteer = signIn(Role.VOLUNTEER);

		HttpResponse<String> text = upload(volunteer, "pas une image".getBytes(StandardCharsets.UTF_8), "image/png");
		HttpResponse<String> anonymous = new StaffClient(this.port)
			.send(new StaffClient(this.port).request("/api/tutorials/editor/images")
				.header("Content-Type", "image/png")
				.POST(BodyPublishers.ofByteArray(new byte[] { 1 })));

		assertThat(text.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(text.body(), "$.detail")).contains("n'est pas une image lisible");
		assertThat(anonymous.statusCode()).isIn(401, 403);
	}

	@Test
	void aTutorialsImagesMustStayLightEnoughForAnOldPhone() throws IOException {
		StaffClient coordinator = signIn(Role.COORDINATOR);
		String light = JsonPath.read(upload(coordinator, png(1200, 900, false), "image/png").body(), "$.url");
		String heavy = JsonPath.read(upload(coordinator, png(640, 1400, true), "image/png").body(), "$.url");

		HttpResponse<String> accepted = coordinator.postJson("/api/tutorials/editor", draft(light));
		HttpResponse<String> refused = coordinator.postJson("/api/tutorials/editor", draft(light + ") ![b](" + heavy));

		assertThat(accepted.statusCode()).isEqualTo(201);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("au plus 100 Ko");
		assertThat((String) JsonPath.read(refused.body(), "$.fields[0].field")).isEqualTo("content.steps");
	}

	private StaffClient signIn(Role role) {
		return TestAccounts.signedIn(this.accounts, role, this.port);
	}

	private static HttpResponse<String> upload(StaffClient staff, byte[] bytes, String type) {
		staff.ensureCsrfCookie();
		return staff.send(staff.withCsrf(staff.request("/api/tutorials/editor/images"))
			.header("Content-Type", type)
			.POST(BodyPublishers.ofByteArray(bytes)));
	}

	private static String draft(String image) {
		return """
				{"slug":"image-%s","shortCode":"%s","content":{"topicCode":"OTHER","title":"Avec une image",
				 "summary":"Un tutoriel illustré.","level":"BEGINNER","easyRead":false,"prerequisites":"",
				 "steps":"1. Regardez : ![a](%s)","links":[],"licence":"CC-BY-SA-4.0","reviewedOn":"2027-02-01"}}"""
			.formatted(UUID.randomUUID(), TutorialsIntegrationTests.code(), image);
	}

	/** A picture: a few shapes, or noise (which no JPEG compresses). */
	private static byte[] png(int width, int height, boolean noise) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		if (noise) {
			Random random = new Random(42);
			for (int x = 0; x < width; x++) {
				for (int y = 0; y < height; y++) {
					image.setRGB(x, y, 0xff000000 | random.nextInt(0xffffff));
				}
			}
		}
		else {
			Graphics2D graphics = image.createGraphics();
			graphics.setColor(new Color(11, 79, 138));
			graphics.fillRect(width / 10, height / 10, width / 2, height / 3);
			graphics.setColor(Color.ORANGE);
			graphics.fillOval(width / 2, height / 2, width / 4, height / 4);
			graphics.dispose();
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

	private static byte[] jpeg(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.GREEN);
		graphics.fillRect(0, 0, width / 2, height / 2);
		graphics.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", bytes);
		return bytes.toByteArray();
	}

	/**
	 * The JPEG with an EXIF segment (APP1) right after its start marker, as a phone
	 * writes one.
	 */
	private static byte[] withExif(byte[] jpeg) {
		return withApp1(jpeg, "Exif\0\0GPS 48.85N 2.35E camera".getBytes(StandardCharsets.ISO_8859_1));
	}

	private static byte[] withApp1(byte[] jpeg, byte[] payload) {
		int length = payload.length + 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload, 0, payload.length);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static BufferedImage served(StaffClient staff, HttpResponse<String> uploaded) throws IOException {
		HttpResponse<byte[]> served = staff.send(staff.request(JsonPath.read(uploaded.body(), "$.url")).GET(),
				BodyHandlers.ofByteArray());
		return ImageIO.read(new ByteArrayInputStream(served.body()));
	}

	private static byte[] encode(BufferedImage image, String format) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, format, bytes);
		return bytes.toByteArray();
	}

	/**
	 * The JPEG with the EXIF segment a phone writes: a big-endian TIFF header and one
	 * entry, the orientation (tag 0x0112, one SHORT).
	 */
	private static byte[] withOrientation(byte[] jpeg, int orientation) {
		byte[] exif = { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0,
				(byte) orientation, 0, 0, 0, 0, 0, 0 };
		return withApp1(jpeg, exif);
	}

	/**
	 * A JPEG as printers' tools write it: four channels, which the JDK's own reader
	 * refuses.
	 */
	private static byte[] cmykJpeg(int width, int height) throws IOException {
		WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				raster.setPixel(x, y, (x < width / 2) ? new int[] { 200, 40, 0, 0 } : new int[] { 0, 0, 0, 30 });
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/**
	 * A lossless WebP (VP8L) of two halves, written by hand: no transform, no colour
	 * cache, one prefix group whose green, red and blue codes hold the two colours'
	 * values (one bit each: the left colour's value, smaller in every channel, coded 0)
	 * and whose alpha code holds 255.
	 */
	private static byte[] twoColourWebp(int width, int height, Color left, Color right) {
		assertThat(left.getRed() < right.getRed() && left.getGreen() < right.getGreen()
				&& left.getBlue() < right.getBlue())
			.isTrue();
		Bits bits = new Bits();
		bits.write(0x2f, 8);
		bits.write(width - 1, 14);
		bits.write(height - 1, 14);
		bits.write(0, 1); // no alpha used
		bits.write(0, 3); // version 0
		bits.write(0, 1); // no transform
		bits.write(0, 1); // no colour cache
		bits.write(0, 1); // one prefix group
		int[][] channels = { { left.getGreen(), right.getGreen() }, { left.getRed(), right.getRed() },
				{ left.getBlue(), right.getBlue() } };
		for (int[] values : channels) {
			bits.write(1, 1); // simple code
			bits.write(1, 1); // two symbols
			bits.write(1, 1); // the first on 8 bits
			bits.write(values[0], 8);
			bits.write(values[1], 8);
		}
		for (int single : new int[] { 255, 0 }) { // alpha, then distance
			bits.write(1, 1);
			bits.write(0, 1);
			bits.write(1, 1);
			bits.write(single, 8);
		}
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int side = (x < width / 2) ? 0 : 1;
				for (int[] values : channels) {
					bits.write(side, 1);
				}
			}
		}
		byte[] vp8l = bits.toByteArray();
		int padded = vp8l.length + (vp8l.length % 2);
		ByteBuffer riff = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
		riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + padded);
		riff.put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l);
		return riff.array();
	}

	/** Bits written least significant first, as VP8L reads them. */
	private static final class Bits {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private int current;

		private int used;

		void write(int value, int count) {
			for (int i = 0; i < count; i++) {
				this.current |= ((value >> i) & 1) << this.used;
				if (++this.used == 8) {
					this.bytes.write(this.current);
					this.current = 0;
					this.used = 0;
				}
			}
		}

		byte[] toByteArray() {
			if (this.used > 0) {
				this.bytes.write(this.current);
				this.current = 0;
				this.used = 0;
			}
			return this.bytes.toByteArray();
		}

	}

}
