package fr.passerelle.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a sign-in carries besides the address and password: the second factor's code, when
 * the form has one. The code is never kept in the session.
 */
class SignInDetails extends WebAuthenticationDetails {

	private final transient String code;

	SignInDetails(HttpServletRequest request) {
		super(request);
		this.code = request.getParameter("code");
	}

	String code() {
		return this.code;
	}

}
