package fr.passerelle;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting of ours is read through a properties record, which documents it for IDEs
 * (configuration metadata), gives it a type and a default in one place, and can be
 * checked at startup: none is read with {@code @Value}.
 */
class ConfigurationTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("fr.passerelle");

	@Test
	void noPasserelleSettingIsReadWithValue() {
		List<String> readWithValue = new ArrayList<>();
		MAIN.forEach((type) -> {
			Stream<JavaAnnotation<?>> annotations = Stream
				.of(type.getFields().stream().flatMap((field) -> field.getAnnotations().stream()),
						type.getCodeUnits().stream().flatMap((code) -> code.getAnnotations().stream()),
						type.getCodeUnits()
							.stream()
							.flatMap((code) -> code.getParameters().stream())
							.flatMap((parameter) -> parameter.getAnnotations().stream()))
				.flatMap((stream) -> stream);
			annotations.filter((annotation) -> annotation.getRawType().isEquivalentTo(Value.class))
				.map((annotation) -> String.valueOf(annotation.get("value").orElse("")))
				.filter((expression) -> expression.contains("${passerelle."))
				.forEach((expression) -> readWithValue.add(type.getName() + ": " + expression));
		});

		assertThat(readWithValue).isEmpty();
	}

}
