package fr.passerelle.tutorial;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tutorials and their revisions in MariaDB.
 */
@Repository
class TutorialStore {

	private static final String COLUMNS = "id, slug, short_code, topic_code, status, revision, title, summary, level, "
			+ "easy_read, prerequisites, steps, links, licence, reviewed_on, updated_at, origin, bundle_revision, "
			+ "sms_sent, link_opens, helpful_yes, helpful_no";

	/** The same columns, of the tutorial table aliased {@code t}. */
	private static final String T_COLUMNS = "t." + COLUMNS.replace(", ", ", t.");

	private final JdbcClient jdbc;

	TutorialStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> findBySlug(String slug) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tutorial WHERE slug = ?")
			.param(slug)
			.query(this::map)
			.optional();
	}

	Optional<Stored> findByShortCode(String code) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tutorial WHERE short_code = ?")
			.param(code)
			.query(this::map)
			.optional();
	}

	Optional<Stored> lockBySlug(String slug) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tutorial WHERE slug = ? FOR UPDATE")
			.param(slug)
			.query(this::map)
			.optional();
	}

	List<Stored> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tutorial ORDER BY title, id").query(this::map).list();
	}

	/**
	 * Drafts whose first revision this account wrote.
	 */
	List<Stored> draftsBy(long authorId) {
		return this.jdbc.sql("SELECT " + T_COLUMNS + """
				 FROM tutorial t JOIN tutorial_revision r ON r.tutorial_id = t.id AND r.revision = 1
				WHERE t.status = 'DRAFT' AND r.author_id = ? ORDER BY t.title, t.id""")
			.param(authorId)
			.query(this::map)
			.list();
	}

	Optional<Long> firstAuthor(long tutorialId) {
		return this.jdbc.sql("SELECT author_id FROM tutorial_revision WHERE tutorial_id = ? AND revision = 1")
			.param(tutorialId)
			.query((rs, row) -> {
				long id = rs.getLong(1);
				return rs.wasNull() ? null : id;
			})
			.optional();
	}

	void publish(long id, boolean published) {
		this.jdbc.sql("UPDATE tutorial SET status = ? WHERE id = ?")
			.params(published ? "PUBLISHED" : "DRAFT", id)
			.update();
	}

	List<Stored> published() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tutorial WHERE status = 'PUBLISHED' ORDER BY title, id")
			.query(this::map)
			.list();
	}

	/**
	 * Published tutorials matching a boolean-mode expression of folded words, the best
	 * first: a match in the title counts three times as much as one in the text.
	 */
	List<Stored> search(String booleanQuery, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				, MATCH (search_title) AGAINST (:q IN BOOLEAN MODE) * 3
				  + MATCH (search_title, search_text) AGAINST (:q IN BOOLEAN MODE) AS score
				FROM tutorial
				WHERE status = 'PUBLISHED' AND MATCH (search_title, search_text) AGAINST (:q IN BOOLEAN MODE)
				ORDER BY score DESC, title, id
				LIMIT :limit""").param("q", booleanQuery).param("limit", limit).query(this::map).list();
	}

	long insert(String slug, String shortCode, boolean published, TutorialContent content, Instant now, String origin,
			Integer bundleRevision, String searchTitle, String searchText) {
		this.jdbc
			.sql("""
					INSERT INTO tutorial (slug, short_code, topic_code, status, revision, title, summary, level, easy_read,
					    prerequisites, steps, links, licence, reviewed_on, updated_at, origin, bundle_revision, search_title,
					    search_text)
					VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(slug, shortCode, content.topicCode(), published ? "PUBLISHED" : "DRAFT", content.title(),
					content.summary(), content.level().name(), content.easyRead(), content.prerequisites(),
					content.steps(), Links.write(content.links()), content.licence(),
					Date.valueOf(content.reviewedOn()), Timestamp.from(now), origin, bundleRevision, searchTitle,
					searchText)
			.update();
		return this.jdbc.sql("SELECT id FROM tutorial WHERE slug = ?").param(slug).query(Long.class).single();
	}

	void update(long id, int revision, boolean published, TutorialContent content, Instant now, String origin,
			Integer bundleRevision, String searchTitle, String searchText) {
		this.jdbc
			.sql("""
					UPDATE tutorial SET topic_code = ?, status = ?, revision = ?, title = ?, summary = ?, level = ?,
					    easy_read = ?, prerequisites = ?, steps = ?, links = ?, licence = ?, reviewed_on = ?, updated_at = ?,
					    origin = ?, bundle_revision = ?, search_title = ?, search_text = ?
					WHERE id = ?""")
			.params(content.topicCode(), published ? "PUBLISHED" : "DRAFT", revision, content.title(),
					content.summary(), content.level().name(), content.easyRead(), content.prerequisites(),
					content.steps(), Links.write(content.links()), content.licence(),
					Date.valueOf(content.reviewedOn()), Timestamp.from(now), origin, bundleRevision, searchTitle,
					searchText, id)
			.update();
	}

	void insertRevision(long tutorialId, int revision, TutorialContent content, String origin, Integer bundleRevision,
			Long authorId, Instant now) {
		this.jdbc.sql("""
				INSERT INTO tutorial_revision (tutorial_id, revision, topic_code, title, summary, level, easy_read,
				    prerequisites, steps, links, licence, reviewed_on, origin, bundle_revision, author_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tutorialId, revision, content.topicCode(), content.title(), content.summary(),
					content.level().name(), content.easyRead(), content.prerequisites(), content.steps(),
					Links.write(content.links()), content.licence(), Date.valueOf(content.reviewedOn()), origin,
					bundleRevision, authorId, Timestamp.from(now))
			.update();
	}

	/** The revisions of a tutorial, the latest first. */
	List<Revision> history(long tutorialId) {
		return this.jdbc
			.sql("SELECT revision, title, origin, bundle_revision, author_id, created_at FROM tutorial_revision "
					+ "WHERE tutorial_id = ? ORDER BY revision DESC")
			.param(tutorialId)
			.query((rs, row) -> new Revision(rs.getInt(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, Integer.class), rs.getObject(5, Long.class), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * One saved state of a tutorial.
	 *
	 * @param origin {@code LOCAL} (written here), {@code SEED} (Passerelle's own bundle)
	 * or {@code IMPORT} (another service's bundle)
	 * @param bundleRevision the bundle's revision number it came from, if any
	 * @param authorId who wrote it here, for {@code LOCAL} revisions
	 */
	record Revision(int revision, String title, String origin, Integer bundleRevision, Long authorId, Instant savedAt) {
	}

	/** Counts a short link opened, if the tutorial is published. */
	boolean countLinkOpen(String code) {
		return this.jdbc
			.sql("UPDATE tutorial SET link_opens = link_opens + 1 WHERE short_code = ? AND status = 'PUBLISHED'")
			.param(code)
			.update() == 1;
	}

	void countSent(long id) {
		this.jdbc.sql("UPDATE tutorial SET sms_sent = sms_sent + 1 WHERE id = ?").param(id).update();
	}

	List<Stored> publishedIn(String topicCode) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM tutorial WHERE status = 'PUBLISHED' AND topic_code = ? ORDER BY title, id")
			.param(topicCode)
			.query(this::map)
			.list();
	}

	boolean countFeedback(String slug, boolean helpful) {
		String column = helpful ? "helpful_yes" : "helpful_no";
		return this.jdbc
			.sql("UPDATE tutorial SET " + column + " = " + column + " + 1 WHERE slug = ? AND status = 'PUBLISHED'")
			.param(slug)
			.update() == 1;
	}

	private Stored map(ResultSet rs, int row) throws SQLException {
		TutorialContent content = new TutorialContent(rs.getString("topic_code"), rs.getString("title"),
				rs.getString("summary"), TutorialLevel.valueOf(rs.getString("level")), rs.getBoolean("easy_read"),
				rs.getString("prerequisites"), rs.getString("steps"), Links.read(rs.getString("links")),
				rs.getString("licence"), rs.getDate("reviewed_on").toLocalDate());
		Tutorial tutorial = new Tutorial(rs.getLong("id"), rs.getString("slug"), rs.getString("short_code"),
				"PUBLISHED".equals(rs.getString("status")), rs.getInt("revision"), content,
				rs.getTimestamp("updated_at").toInstant(), new Tutorial.Counts(rs.getInt("sms_sent"),
						rs.getInt("link_opens"), rs.getInt("helpful_yes"), rs.getInt("helpful_no")));
		int bundleRevision = rs.getInt("bundle_revision");
		Integer fromBundle = rs.wasNull() ? null : bundleRevision;
		return new Stored(tutorial, rs.getString("origin"), fromBundle);
	}

	/**
	 * @param tutorial the tutorial
	 * @param origin where its current revision comes from: {@code SEED}, {@code IMPORT}
	 * or {@code LOCAL}
	 * @param bundleRevision the bundle's revision number of it, for the first two
	 */
	record Stored(Tutorial tutorial, String origin, Integer bundleRevision) {
	}

	/**
	 * Links are kept one per line, {@code label | url}.
	 */
	static final class Links {

		private Links() {
		}

		static String write(List<TutorialLink> links) {
			StringBuilder text = new StringBuilder();
			for (TutorialLink link : links) {
				text.append(link.label().replace("|", "/").replace("\n", " "))
					.append(" | ")
					.append(link.url())
					.append('\n');
			}
			return text.toString();
		}

		static List<TutorialLink> read(String text) {
			List<TutorialLink> links = new ArrayList<>();
			for (String line : text.split("\n")) {
				int bar = line.lastIndexOf(" | ");
				if (bar > 0) {
					links.add(new TutorialLink(line.substring(0, bar), line.substring(bar + 3).strip()));
				}
			}
			return links;
		}

	}

}
