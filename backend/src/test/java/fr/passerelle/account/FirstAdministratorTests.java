package fr.passerelle.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

	private final AccountManagement accounts = mock(AccountManagement.class);

	@TempDir
	Path directory;

	@Test
	void generatesAPasswordThatMustBeChangedAndWritesItForItsOwnerOnlyNeverToTheLog(CapturedOutput output)
			throws IOException {
		given(this.accounts.hasAdministrator()).willReturn(false);
		Path file = this.directory.resolve("keys/first-administrator-password");

		new FirstAdministrator(this.accounts, new AdministratorProperties("admin@passerelle.local", "", file))
			.run(null);

		ArgumentCaptor<NewAccount> opened = ArgumentCaptor.forClass(NewAccount.class);
		verify(this.accounts).open(opened.capture());
		String password = opened.getValue().password();
		assertThat(opened.getValue().role()).isEqualTo(Role.ADMIN);
		assertThat(password).hasSize(20).matches("[A-Za-z0-9]+");
		assertThat(opened.getValue().passwordChangeRequired()).isTrue();
		assertThat(Files.readString(file).strip()).isEqualTo(password);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(output.getAll()).contains(file.toString()).doesNotContain(password);
	}

	@Test
	void usesTheConfiguredPasswordAsIs() {
		given(this.accounts.hasAdministrator()).willReturn(false);

		new FirstAdministrator(this.accounts,
				new AdministratorProperties("ops@example.org", "configured secret 1", this.directory.resolve("unused")))
			.run(null);

		ArgumentCaptor<NewAccount> opened = ArgumentCaptor.forClass(NewAccount.class);
		verify(this.accounts).open(opened.capture());
		assertThat(opened.getValue().email()).isEqualTo("ops@example.org");
		assertThat(opened.getValue().password()).isEqualTo("configured secret 1");
		assertThat(opened.getValue().passwordChangeRequired()).isFalse();
	}

	@Test
	void leavesAnExistingAdministratorAlone() {
		given(this.accounts.hasAdministrator()).willReturn(true);

		new FirstAdministrator(this.accounts,
				new AdministratorProperties("admin@passerelle.local", "", this.directory.resolve("unused")))
			.run(null);

		verify(this.accounts, never()).open(any());
	}

}
