package fr.passerelle.account;

import java.lang.reflect.Method;

import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A controller's {@link StaffAccount} parameter is the account behind the request, and
 * nobody's when the request is not signed in.
 */
class SignedInStaffTests {

	private final AccountManagement accounts = mock(AccountManagement.class);

	@SuppressWarnings("unchecked")
	private final ObjectProvider<AccountManagement> provider = mock(ObjectProvider.class);

	private final SignedInStaff resolver = new SignedInStaff(this.provider);

	@Test
	void resolvesOnlyStaffAccountParameters() throws NoSuchMethodException {
		Method method = Sample.class.getDeclaredMethod("handle", StaffAccount.class, String.class);
		assertThat(this.resolver.supportsParameter(new MethodParameter(method, 0))).isTrue();
		assertThat(this.resolver.supportsParameter(new MethodParameter(method, 1))).isFalse();
	}

	@Test
	void givesTheAccountBehindTheRequest() {
		given(this.provider.getObject()).willReturn(this.accounts);
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated("claire@example.org", null, AuthorityUtils.createAuthorityList("ROLE_VOLUNTEER"));
		StaffAccount claire = new StaffAccount(7, "claire@example.org", "Claire", Role.VOLUNTEER, null);
		given(this.accounts.signedIn(authentication)).willReturn(claire);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setUserPrincipal(authentication);

		assertThat(this.resolver.resolveArgument(null, null, new ServletWebRequest(request), null)).isEqualTo(claire);
	}

	@Test
	void refusesARequestNobodySignedIn() {
		MockHttpServletRequest anonymous = new MockHttpServletRequest();
		MockHttpServletRequest anonymousToken = new MockHttpServletRequest();
		anonymousToken.setUserPrincipal(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		for (MockHttpServletRequest request : new MockHttpServletRequest[] { anonymous, anonymousToken }) {
			assertThatExceptionOfType(RejectedRequest.class)
				.isThrownBy(() -> this.resolver.resolveArgument(null, null, new ServletWebRequest(request), null))
				.satisfies((rejected) -> assertThat(rejected.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
		}
	}

	static class Sample {

		void handle(StaffAccount staff, String other) {
		}

	}

}
