package fr.passerelle.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations' files as MariaDB needs them: it cannot roll a DDL statement back, so a
 * file holding one holds nothing else (a file that failed halfway would otherwise leave a
 * schema that neither it nor its fix can be applied to); and versions follow one another
 * with no gap. Migrations up to {@link #LAST_RELEASED} ran in production as they are
 * (changing them would change their checksums), and keep their several statements.
 */
class MigrationFilesTests {

	/** The last migration of the last release: the rule holds for every later one. */
	static final int LAST_RELEASED = 50;

	private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

	private static final Pattern DDL = Pattern
		.compile("^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\\s+(TABLE|INDEX|UNIQUE|VIEW|SEQUENCE|OR|DATABASE)\\b");

	@Test
	void holdOneDdlStatementAloneAndFollowOneAnother() throws IOException {
		TreeMap<Integer, String> versions = new TreeMap<>();
		List<String> mistakes = new ArrayList<>();
		for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
			Matcher name = NAME.matcher(file.getFilename());
			if (!name.matches()) {
				mistakes.add(file.getFilename() + ": not named V<version>__<lower_case_words>.sql");
				continue;
			}
			int version = Integer.parseInt(name.group(1));
			versions.put(version, file.getFilename());
			List<String> statements = statements(file.getContentAsString(StandardCharsets.UTF_8));
			long ddl = statements.stream().filter(MigrationFilesTests::isDdl).count();
			if (version > LAST_RELEASED && ddl > 0 && statements.size() > 1) {
				mistakes.add(file.getFilename() + ": " + statements.size() + " statements, " + ddl
						+ " of them DDL (one DDL statement per file, and nothing else)");
			}
		}
		assertThat(mistakes).isEmpty();
		assertThat(versions.keySet()).as("versions from 1, with no gap")
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, versions.lastKey()).boxed().toList());
		assertThat(versions.lastKey()).isGreaterThanOrEqualTo(LAST_RELEASED);
	}

	@Test
	void tellsDdlFromDataAndCountsStatementsOutsideCommentsAndStrings() {
		List<String> statements = statements("""
				-- a comment; with a semicolon
				CREATE TABLE t (id BIGINT PRIMARY KEY, label VARCHAR(20) DEFAULT 'a;b');
				/* another; one */
				INSERT INTO t (id, label) VALUES (1, 'it''s; fine');
				alter table t add column x int;
				""");

		assertThat(statements).hasSize(3);
		assertThat(statements.stream().map(MigrationFilesTests::isDdl)).containsExactly(true, false, true);
	}

	/** The statements of a file: split on semicolons outside comments and strings. */
	static List<String> statements(String sql) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == '-' && sql.startsWith("--", i)) {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? sql.length() : end;
			}
			else if (c == '/' && sql.startsWith("/*", i)) {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? sql.length() : end + 2;
			}
			else if (c == '\'' || c == '"' || c == '`') {
				int end = i + 1;
				while (end < sql.length() && (sql.charAt(end) != c || sql.startsWith("" + c + c, end))) {
					end += sql.startsWith("" + c + c, end) ? 2 : 1;
				}
				current.append(sql, i, Math.min(end + 1, sql.length()));
				i = end + 1;
			}
			else if (c == ';') {
				add(statements, current);
				i++;
			}
			else {
				current.append(c);
				i++;
			}
		}
		add(statements, current);
		return statements;
	}

	private static void add(List<String> statements, StringBuilder current) {
		String statement = current.toString().strip();
		if (!statement.isEmpty()) {
			statements.add(statement);
		}
		current.setLength(0);
	}

	static boolean isDdl(String statement) {
		return DDL.matcher(statement.toUpperCase(Locale.ROOT)).find();
	}

}
