package fr.passerelle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generators of input an attacker, a broken client or bad luck sends: any code point
 * (control characters, lone surrogates, characters outside the basic plane), printable
 * junk, the payloads tried first (scripts, template and SQL fragments, header injection,
 * paths, numbers that overflow, very long values), and JSON of any shape. Seeded, so that
 * a failure can be replayed: the seed is in every failure's message, and
 * {@code -Dpasserelle.fuzz.seed=…} gives it back. The default seed is fixed, so that the
 * build is the same every time; {@code -Dpasserelle.fuzz.seed=random} explores.
 */
public final class HostileInput {

	/** What a page must never give back as it came. */
	public static final String SCRIPT = "<script>alert('pwn')</script>";

	public static final List<String> PAYLOADS = List.of(SCRIPT, "\"><img src=x onerror=alert('pwn')>",
			"javascript:alert('pwn')", "{{7*7}}", "${7*7}", "#{7*7}", "' OR '1'='1' -- ", "\"}]}", "\u0000",
			"\r\nSet-Cookie: pwn=1", "../../../../etc/passwd", "%00%0d%0a", "NaN", "-1", "9223372036854775808", "1e309",
			"0x7fffffff", "+33612345678", "06 12 34 56 78", "2027-02-30", "35000", "CAF", "true", "", " ", "\uD800",
			"\uDBFF\uDFFF", "é".repeat(5000), "x".repeat(70_000));

	private final long seed;

	private final Random random;

	private static final long DEFAULT_SEED = 20_261_203L;

	public HostileInput() {
		this(seedFrom(System.getProperty("passerelle.fuzz.seed")));
	}

	public HostileInput(long seed) {
		this.seed = seed;
		this.random = new Random(seed);
	}

	private static long seedFrom(String property) {
		if (property == null || property.isBlank()) {
			return DEFAULT_SEED;
		}
		return "random".equals(property) ? new Random().nextLong() : Long.parseLong(property.strip());
	}

	public long seed() {
		return this.seed;
	}

	/** Any code point at all, printable junk, or a payload. */
	public String text() {
		return switch (this.random.nextInt(3)) {
			case 0 -> anyCodePoints(this.random.nextInt(80));
			case 1 -> printable(this.random.nextInt(30));
			default -> pick(PAYLOADS);
		};
	}

	public <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	public int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	/** Up to {@code max} entries under names picked from {@code names}. */
	public <V> Map<String, V> map(List<String> names, Supplier<V> values, int max) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = this.random.nextInt(max + 1); i > 0; i--) {
			map.put(pick(names), values.get());
		}
		return map;
	}

	/** A JSON value of any type: text, numbers, booleans, null, lists, objects. */
	public Object jsonValue(List<String> names) {
		return switch (this.random.nextInt(7)) {
			case 0 -> this.random.nextLong();
			case 1 -> this.random.nextDouble() * Math.pow(10, this.random.nextInt(40));
			case 2 -> this.random.nextBoolean();
			case 3 -> null;
			case 4 -> {
				List<Object> list = new ArrayList<>();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					list.add(text());
				}
				yield list;
			}
			case 5 -> map(names, this::text, 3);
			default -> text();
		};
	}

	private String anyCodePoints(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			int codePoint = switch (this.random.nextInt(4)) {
				case 0 -> this.random.nextInt(0x20);
				case 1 -> 0xD800 + this.random.nextInt(0x800);
				case 2 -> this.random.nextInt(Character.MAX_CODE_POINT + 1);
				default -> 0x20 + this.random.nextInt(0x2FF);
			};
			if (Character.isBmpCodePoint(codePoint)) {
				text.append((char) codePoint);
			}
			else {
				text.appendCodePoint(codePoint);
			}
		}
		return text.toString();
	}

	private String printable(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) (' ' + this.random.nextInt(95)));
		}
		return text.toString();
	}

}
