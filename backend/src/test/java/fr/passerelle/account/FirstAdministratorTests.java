package fr.passerelle.account;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class FirstAdministratorTests {

	private final AccountManagement accounts = mock(AccountManagement.class);

	@Test
	void generatesAPasswordThatMustBeChangedWhenNoneIsConfigured() {
		given(this.accounts.hasAdministrator()).willReturn(false);

		new FirstAdministrator(this.accounts, new AdministratorProperties("admin@passerelle.local", "")).run(null);

		ArgumentCaptor<NewAccount> opened = ArgumentCaptor.forClass(NewAccount.class);
		verify(this.accounts).open(opened.capture());
		assertThat(opened.getValue().role()).isEqualTo(Role.ADMIN);
		assertThat(opened.getValue().password()).hasSize(20).matches("[A-Za-z0-9]+");
		assertThat(opened.getValue().passwordChangeRequired()).isTrue();
	}

	@Test
	void usesTheConfiguredPasswordAsIs() {
		given(this.accounts.hasAdministrator()).willReturn(false);

		new FirstAdministrator(this.accounts, new AdministratorProperties("ops@example.org", "configured secret 1"))
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

		new FirstAdministrator(this.accounts, new AdministratorProperties("admin@passerelle.local", "")).run(null);

		verify(this.accounts, never()).open(any());
	}

}
