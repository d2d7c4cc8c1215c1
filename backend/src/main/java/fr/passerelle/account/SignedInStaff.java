package fr.passerelle.account;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method the signed-in staff member: a parameter of type
 * {@link StaffAccount} is the account behind the request, read afresh (a deactivated
 * account gets 401 at once, whatever its session says).
 */
class SignedInStaff implements HandlerMethodArgumentResolver {

	private final ObjectProvider<AccountManagement> accounts;

	SignedInStaff(ObjectProvider<AccountManagement> accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == StaffAccount.class;
	}

	@Override
	public StaffAccount resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		if (!(webRequest.getUserPrincipal() instanceof Authentication authentication)
				|| authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
			throw new RejectedRequest(HttpStatus.UNAUTHORIZED, "account.authentication-required");
		}
		return this.accounts.getObject().signedIn(authentication);
	}

}
