package fr.passerelle.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Twilio's official OpenAPI description of its REST API (2010-04-01), as shipped in the
 * npm package {@code @twilio/cli-core} (MIT licence), fetched once with {@code npm pack}
 * into {@code target/}; and the checks a request must pass against it.
 */
final class TwilioOpenApi {

	static final String PACKAGE = "@twilio/cli-core@9.0.0";

	private static final String ENTRY = "package/src/services/twilio-api/twilio_api_v2010.json";

	private static final Path CACHE = Path.of("target/twilio-openapi");

	private final JsonNode paths;

	private TwilioOpenApi(JsonNode description) {
		this.paths = description.get("paths");
	}

	static TwilioOpenApi load() throws IOException, InterruptedException {
		Path tarball = CACHE.resolve("twilio-cli-core-9.0.0.tgz");
		if (!Files.exists(tarball)) {
			Files.createDirectories(CACHE);
			Process npm = new ProcessBuilder("npm", "pack", PACKAGE, "--pack-destination", CACHE.toString(), "--silent")
				.redirectErrorStream(true)
				.start();
			String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!npm.waitFor(2, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(tarball)) {
				throw new IllegalStateException("npm pack " + PACKAGE + " failed: " + output);
			}
		}
		return new TwilioOpenApi(new ObjectMapper().readTree(entry(tarball, ENTRY)));
	}

	/**
	 * What is wrong with a request for this description: an unknown path or method, a
	 * path parameter that does not match, a form parameter it does not define, a required
	 * one missing, a value of the wrong shape.
	 */
	List<String> violations(String method, String path, Map<String, String> form) {
		Map<String, List<String>> values = new java.util.LinkedHashMap<>();
		form.forEach((name, value) -> values.put(name, List.of(value)));
		return violationsOf(method, path, values);
	}

	/** As {@link #violations}, for a form whose parameters may be repeated. */
	List<String> violationsOf(String method, String path, Map<String, List<String>> form) {
		List<String> violations = new ArrayList<>();
		String relative = path.replaceFirst("^.*?(/2010-04-01/)", "$1").replaceFirst("\\?.*$", "");
		for (Iterator<Map.Entry<String, JsonNode>> it = this.paths.fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> candidate = it.next();
			String template = candidate.getKey();
			if (!relative.matches(template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."))) {
				continue;
			}
			JsonNode operation = candidate.getValue().get(method.toLowerCase());
			if (operation == null) {
				violations.add(method + " is not an operation of " + template);
				return violations;
			}
			checkPathParameters(template, relative, operation, violations);
			checkForm(operation, form, violations);
			return violations;
		}
		violations.add("no path of Twilio's API matches " + relative);
		return violations;
	}

	private static void checkPathParameters(String template, String actual, JsonNode operation,
			List<String> violations) {
		String[] names = template.split("/");
		String[] values = actual.split("/");
		for (int i = 0; i < names.length; i++) {
			if (!names[i].contains("{")) {
				continue;
			}
			String name = names[i].replaceAll(".*\\{([^}]+)}.*", "$1");
			String value = values[i].replaceFirst("\\.json$", "");
			for (JsonNode parameter : operation.path("parameters")) {
				String pattern = parameter.path("schema").path("pattern").asText(null);
				if (parameter.path("name").asText().equals(name) && pattern != null && !value.matches(pattern)) {
					violations.add("path parameter " + name + " '" + value + "' does not match " + pattern);
				}
			}
		}
	}

	private static void checkForm(JsonNode operation, Map<String, List<String>> form, List<String> violations) {
		JsonNode schema = operation.path("requestBody")
			.path("content")
			.path("application/x-www-form-urlencoded")
			.path("schema");
		JsonNode properties = schema.path("properties");
		for (JsonNode required : schema.path("required")) {
			if (!form.containsKey(required.asText())) {
				violations.add("required parameter " + required.asText() + " missing");
			}
		}
		form.forEach((name, values) -> {
			JsonNode property = properties.get(name);
			if (property == null) {
				violations.add("parameter " + name + " is not defined");
				return;
			}
			boolean array = "array".equals(property.path("type").asText());
			if (values.size() > 1 && !array) {
				violations.add("parameter " + name + " is given " + values.size() + " times");
			}
			JsonNode item = array ? property.path("items") : property;
			for (String value : values) {
				checkValue(name, item, value, violations);
			}
		});
	}

	private static void checkValue(String name, JsonNode schema, String value, List<String> violations) {
		String format = schema.path("format").asText();
		String type = schema.path("type").asText();
		if ("phone-number".equals(format) && !value.matches("\\+[1-9]\\d{1,14}|[a-z]+:.+")) {
			violations.add("parameter " + name + " is not a phone number");
		}
		else if ("uri".equals(format) && !value.matches("https?://.+")) {
			violations.add("parameter " + name + " is not a URI");
		}
		else if ("integer".equals(type) && !value.matches("-?\\d+")) {
			violations.add("parameter " + name + " is not an integer");
		}
		else if ("boolean".equals(type) && !value.matches("true|false")) {
			violations.add("parameter " + name + " is not a boolean");
		}
		else if (schema.has("enum")) {
			List<String> allowed = new ArrayList<>();
			schema.path("enum").forEach((option) -> allowed.add(option.asText()));
			if (!allowed.contains(value)) {
				violations.add("parameter " + name + " '" + value + "' is not one of " + allowed);
			}
		}
	}

	/** One file of a .tgz, read without unpacking the rest (POSIX ustar headers). */
	private static byte[] entry(Path tarball, String wanted) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
			byte[] header = new byte[512];
			while (in.readNBytes(header, 0, 512) == 512) {
				String name = field(header, 0, 100);
				if (name.isEmpty()) {
					break;
				}
				String prefix = field(header, 345, 155);
				String fullName = prefix.isEmpty() ? name : prefix + "/" + name;
				long size = Long.parseLong(field(header, 124, 12).trim(), 8);
				byte[] content = in.readNBytes((int) size);
				in.skipNBytes((512 - size % 512) % 512);
				if (fullName.equals(wanted)) {
					return content;
				}
			}
		}
		throw new IllegalStateException(wanted + " not found in " + tarball);
	}

	private static String field(byte[] header, int offset, int length) {
		int end = offset;
		while (end < offset + length && header[end] != 0) {
			end++;
		}
		return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
	}

}
