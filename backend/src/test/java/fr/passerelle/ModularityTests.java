package fr.passerelle;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PasserelleApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		this.modules.verify();
	}

	/**
	 * Telephony's rooms lean on its base, never the other way round: the calls and the
	 * menu know neither the texts nor the simulator, and the texts do not know the
	 * simulator.
	 */
	@Test
	void telephonysRoomsDependOnItsBaseOnly() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.passerelle.telephony");

		noClasses().that()
			.resideInAPackage("fr.passerelle.telephony")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("fr.passerelle.telephony.texts..", "fr.passerelle.telephony.simulator..")
			.check(main);
		noClasses().that()
			.resideInAPackage("fr.passerelle.telephony.texts..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("fr.passerelle.telephony.simulator..")
			.check(main);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
