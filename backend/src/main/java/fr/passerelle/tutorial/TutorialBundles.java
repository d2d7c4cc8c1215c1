package fr.passerelle.tutorial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Tutorials as a bundle other mediation services can reuse: a zip of one Markdown file
 * per tutorial under {@code tutorials/} (the format of {@link BundleEntry}), the pictures
 * they show under {@code tutorials/images/} (referred to as {@code images/<name>}), and a
 * {@code LISEZMOI.md} that explains the format and the licence. Importing reads only
 * those files, within limits that no archive can trick (size, number of files,
 * decompressed bytes).
 */
@Service
public class TutorialBundles {

	/** The largest archive accepted. */
	static final int MAX_ARCHIVE_BYTES = 10 * 1024 * 1024;

	static final int MAX_FILES = 1_000;

	static final int MAX_FILE_BYTES = 256 * 1024;

	static final int MAX_TOTAL_BYTES = 20 * 1024 * 1024;

	static final int MAX_PICTURE_BYTES = 2 * 1024 * 1024;

	private static final String FOLDER = "tutorials/";

	/**
	 * Pictures sit in {@code tutorials/images/}, named in Markdown {@code images/<name>}.
	 */
	private static final String IMAGES = "images/";

	private static final Pattern PICTURE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,60}\\.(jpg|jpeg|png|gif)");

	private static final Pattern BUNDLE_REFERENCE = Pattern
		.compile("\\]\\((images/[A-Za-z0-9_-]{1,60}\\.(?:jpg|jpeg|png|gif))\\)");

	private static final String README = """
			# Tutoriels Passerelle

			Des tutoriels pas à pas pour les démarches en ligne, écrits par les médiateurs numériques de Passerelle.
			Chaque fichier de `tutorials/` est un tutoriel : ses informations entre les deux lignes `---` (adresse,
			lien court, thème, titre, résumé, niveau, facile à lire, date de vérification, numéro de version,
			licence, liens officiels), puis deux parties en Markdown, `# Avant de commencer` et `# Étapes`. Les
			images sont dans `tutorials/images/` et s'écrivent `![ce que montre l'image](images/12.jpg)`.

			Chaque tutoriel indique sa licence (CC BY-SA 4.0 par défaut) : vous pouvez le réutiliser, le modifier
			et le partager, en citant « Passerelle et ses bénévoles » et en partageant vos modifications sous la
			même licence (https://creativecommons.org/licenses/by-sa/4.0/deed.fr).

			Pour les importer dans une autre instance de Passerelle : Tutoriels, « Importer des tutoriels ». Un
			tutoriel modifié sur place n'est jamais remplacé sans le dire.
			""";

	private final TutorialStore store;

	private final Tutorials tutorials;

	private final TutorialImages images;

	TutorialBundles(TutorialStore store, Tutorials tutorials, TutorialImages images) {
		this.store = store;
		this.tutorials = tutorials;
		this.images = images;
	}

	/**
	 * The published tutorials (and the drafts, if asked) as a zip.
	 */
	public byte[] export(boolean withDrafts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			zip.putNextEntry(new ZipEntry("LISEZMOI.md"));
			zip.write(README.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			Set<String> exported = new HashSet<>();
			for (TutorialStore.Stored stored : this.store.all()) {
				Tutorial tutorial = stored.tutorial();
				if (!tutorial.published() && !withDrafts) {
					continue;
				}
				TutorialContent content = tutorial.content();
				for (String image : imagesOf(content)) {
					if (exported.add(image)) {
						byte[] jpeg = this.images.bytes(image).orElse(null);
						if (jpeg != null) {
							zip.putNextEntry(new ZipEntry(FOLDER + IMAGES + image + ".jpg"));
							zip.write(jpeg);
							zip.closeEntry();
						}
					}
				}
				TutorialContent portable = new TutorialContent(content.topicCode(), content.title(), content.summary(),
						content.level(), content.easyRead(), relative(content.prerequisites()),
						relative(content.steps()), content.links(), content.licence(), content.reviewedOn());
				BundleEntry entry = new BundleEntry(tutorial.slug(), tutorial.shortCode(), tutorial.revision(),
						tutorial.published(), portable);
				zip.putNextEntry(new ZipEntry(FOLDER + tutorial.slug() + ".md"));
				zip.write(entry.write().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return bytes.toByteArray();
	}

	/**
	 * Loads the tutorials of a zip bundle (see {@link Tutorials#load}).
	 * @throws RejectedRequest when it is not a zip, holds no tutorial, or exceeds the
	 * limits
	 */
	public Tutorials.ImportReport importZip(InputStream archive, StaffAccount importer) {
		List<Tutorials.BundleFile> files = new ArrayList<>();
		Map<String, byte[]> pictures = new HashMap<>();
		long total = 0;
		PushbackInputStream input = new PushbackInputStream(new LimitedInput(archive, MAX_ARCHIVE_BYTES), 4);
		try (ZipInputStream zip = new ZipInputStream(input, StandardCharsets.UTF_8)) {
			byte[] signature = input.readNBytes(4);
			if (!isZip(signature)) {
				throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.bundle.invalid");
			}
			input.unread(signature);
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(FOLDER + IMAGES)
						&& PICTURE_NAME.matcher(name.substring(FOLDER.length() + IMAGES.length())).matches()) {
					byte[] picture = zip.readNBytes(MAX_PICTURE_BYTES + 1);
					total += picture.length;
					if (picture.length > MAX_PICTURE_BYTES || total > MAX_TOTAL_BYTES || pictures.size() == MAX_FILES) {
						throw new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE, "tutorial.bundle.too-large");
					}
					pictures.put(name.substring(FOLDER.length()), picture);
					continue;
				}
				if (entry.isDirectory() || !name.startsWith(FOLDER) || !name.endsWith(".md")
						|| name.substring(FOLDER.length()).contains("/")) {
					continue;
				}
				if (files.size() == MAX_FILES) {
					throw new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE, "tutorial.bundle.too-large");
				}
				byte[] text = zip.readNBytes(MAX_FILE_BYTES + 1);
				total += text.length;
				if (text.length > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
					throw new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE, "tutorial.bundle.too-large");
				}
				files.add(new Tutorials.BundleFile(name.substring(FOLDER.length()),
						new String(text, StandardCharsets.UTF_8)));
			}
		}
		catch (LimitedInput.TooLarge tooLarge) {
			throw new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE, "tutorial.bundle.too-large");
		}
		catch (ZipException | IllegalArgumentException notAZip) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.bundle.invalid");
		}
		catch (IOException unreadable) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.bundle.invalid");
		}
		if (files.isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "tutorial.bundle.empty");
		}
		Map<String, String> stored = new HashMap<>();
		Map<String, String> refused = new TreeMap<>();
		List<Tutorials.BundleFile> withImages = new ArrayList<>();
		for (Tutorials.BundleFile file : files) {
			Matcher references = BUNDLE_REFERENCE.matcher(file.text());
			StringBuilder text = new StringBuilder();
			while (references.find()) {
				String picture = references.group(1);
				String url = stored.get(picture);
				if (url == null && pictures.containsKey(picture) && !refused.containsKey(picture)) {
					try {
						url = this.images.upload(pictures.get(picture), importer).url();
						stored.put(picture, url);
					}
					catch (RejectedRequest unreadable) {
						// one bad picture does not cost the tutorials: they come in, and
						// keep the picture's name where it was
						refused.put(picture,
								picture + ": " + this.tutorials
									.reason(new BundleProblem("tutorial.bundle.problem.picture",
											"not a readable JPEG, PNG or GIF picture of at most 40 million pixels")));
					}
				}
				references.appendReplacement(text,
						Matcher.quoteReplacement("](" + ((url != null) ? url : picture) + ")"));
			}
			references.appendTail(text);
			withImages.add(new Tutorials.BundleFile(file.name(), text.toString()));
		}
		Tutorials.ImportReport report = this.tutorials.load(withImages, "IMPORT");
		if (refused.isEmpty()) {
			return report;
		}
		List<String> rejected = new ArrayList<>(refused.values());
		rejected.addAll(report.rejected());
		return new Tutorials.ImportReport(report.added(), report.updated(), report.keptLocal(), rejected);
	}

	/** The images a tutorial shows. */
	private static Set<String> imagesOf(TutorialContent content) {
		Set<String> tokens = new LinkedHashSet<>();
		Matcher references = TutorialImages.REFERENCE.matcher(content.prerequisites() + "\n" + content.steps());
		while (references.find()) {
			tokens.add(references.group(1));
		}
		return tokens;
	}

	/**
	 * Image addresses of this instance made relative to the bundle's tutorials folder.
	 */
	private static String relative(String markdown) {
		return markdown.replaceAll("\\]\\(/tutoriels/images/([0-9a-f]{32})\\.jpg\\)", "](" + IMAGES + "$1.jpg)");
	}

	/**
	 * Whether these are the first bytes of a zip archive: a local file header, or the end
	 * of an empty archive.
	 */
	private static boolean isZip(byte[] first) {
		return first.length == 4 && first[0] == 'P' && first[1] == 'K'
				&& ((first[2] == 3 && first[3] == 4) || (first[2] == 5 && first[3] == 6));
	}

	/**
	 * An input that fails once more than a given number of bytes were read.
	 */
	static final class LimitedInput extends InputStream {

		private final InputStream in;

		private long left;

		LimitedInput(InputStream in, long limit) {
			this.in = in;
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0 && --this.left < 0) {
				throw new TooLarge();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				this.left -= n;
				if (this.left < 0) {
					throw new TooLarge();
				}
			}
			return n;
		}

		static final class TooLarge extends IOException {

			TooLarge() {
				super("too large");
			}

		}

	}

}
