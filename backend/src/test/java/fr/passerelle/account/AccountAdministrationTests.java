package fr.passerelle.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.territory.Territories;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The rule that keeps the platform governable: the last active administrator cannot be
 * demoted or deactivated, whoever asks.
 */
class AccountAdministrationTests {

	private final Accounts accounts = mock(Accounts.class);

	@SuppressWarnings("unchecked")
	private final FindByIndexNameSessionRepository<Session> sessions = mock(FindByIndexNameSessionRepository.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final AccountAdministration administration = new AccountAdministration(this.accounts,
			mock(Territories.class), this.sessions, this.events, mock(AuditLog.class),
			mock(TwoFactorAuthentication.class), mock(AccountTokens.class));

	@Test
	void keepsTheLastActiveAdministrator() {
		Account last = account(1L, Role.ADMIN, true);
		given(this.accounts.findById(1L)).willReturn(Optional.of(last));
		given(this.accounts.findByRole(Role.ADMIN)).willReturn(List.of(last, account(2L, Role.ADMIN, false)));

		for (Runnable change : List.<Runnable>of(() -> this.administration.change(1L, Role.ADMIN, null, false, null),
				() -> this.administration.change(1L, Role.COORDINATOR, null, true, null))) {
			assertThatExceptionOfType(RejectedRequest.class).isThrownBy(change::run)
				.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo("account.last-administrator"));
		}
		verify(this.accounts, never()).save(any());
		verify(this.events, never()).publishEvent(any());
	}

	@Test
	void letsAnAdministratorGoWhenAnotherRemains() {
		Account leaving = account(1L, Role.ADMIN, true);
		given(this.accounts.findById(1L)).willReturn(Optional.of(leaving));
		given(this.accounts.findByRole(Role.ADMIN)).willReturn(List.of(leaving, account(2L, Role.ADMIN, true)));
		given(this.accounts.save(any())).willAnswer((invocation) -> invocation.getArgument(0));
		given(this.sessions.findByPrincipalName("a1@passerelle.test")).willReturn(Map.of());

		assertThat(this.administration.change(1L, Role.ADMIN, null, false, null).enabled()).isFalse();
		verify(this.events).publishEvent(new AccountCutOff(1L, true));
	}

	private static Account account(long id, Role role, boolean enabled) {
		return new Account(id, "a" + id + "@passerelle.test", "Admin " + id, "{noop}x", role, null, enabled, false,
				Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null, Instant.EPOCH, 1L);
	}

}
