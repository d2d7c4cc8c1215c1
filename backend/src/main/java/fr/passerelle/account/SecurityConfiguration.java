package fr.passerelle.account;

import java.util.List;
import java.util.Map;

import fr.passerelle.platform.OnboardingPaths;
import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;
import fr.passerelle.platform.RestrictedPaths;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Deny by default: the public paths that modules declare are open to all, the paths they
 * keep for coordinators or administrators need that role, the rest of the API needs a
 * signed-in staff member (who has changed a password that had to be changed, and set up
 * two-factor authentication where their role requires it) whose account is approved,
 * except for the onboarding paths that modules declare, the metrics need an
 * administrator, everything else is refused. The account is read again at every request
 * ({@link AccountStandingFilter}). The staff app signs in with a form post and keeps a
 * session cookie; CSRF tokens travel in a cookie that the app echoes in a header.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String LOGIN_PATH = "/api/auth/login";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<PublicPaths> publicPaths,
			List<PublicForms> publicForms, List<OnboardingPaths> onboardingPaths, List<RestrictedPaths> restrictedPaths,
			LoginHandlers loginHandlers, LoginThrottle throttle, ProblemWriter problems, Accounts accounts,
			ApplicationEventPublisher events, @Value("${management.server.port:-1}") int managementPort,
			AccountProperties properties) throws Exception {
		String[] open = publicPaths.stream().flatMap((paths) -> paths.patterns().stream()).toArray(String[]::new);
		String[] onboarding = onboardingPaths.stream()
			.flatMap((paths) -> paths.patterns().stream())
			.toArray(String[]::new);
		RequestMatcher[] forms = publicForms.stream()
			.flatMap((f) -> f.patterns().stream())
			.map((pattern) -> pathPattern(HttpMethod.POST, pattern))
			.toArray(RequestMatcher[]::new);
		RequestMatcher api = pathPattern("/api/**");
		RequestMatcher scrapedOnManagementPort = (request) -> managementPort > 0
				&& request.getLocalPort() == managementPort && "/actuator/prometheus".equals(request.getRequestURI());
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers(open).permitAll();
			// kept for some roles: refused at the door, before a body is read
			for (RestrictedPaths restricted : restrictedPaths) {
				String[] roles = (restricted.audience() == RestrictedPaths.Audience.ADMINISTRATORS)
						? new String[] { Role.ADMIN.name() }
						: new String[] { Role.COORDINATOR.name(), Role.ADMIN.name() };
				AuthorizationManager<RequestAuthorizationContext> scope = (restricted
					.audience() == RestrictedPaths.Audience.NATIONAL_STAFF)
							? AuthorityAuthorizationManager.hasAuthority(RestrictedPaths.NATIONAL_AUTHORITY)
							: AuthorityAuthorizationManager.hasAnyRole(roles);
				requests.requestMatchers(restricted.patterns().toArray(String[]::new))
					.access(AuthorizationManagers.allOf(signedInWithUsablePassword(),
							AuthorityAuthorizationManager.hasAuthority(AccountUserDetailsService.APPROVED), scope));
			}
			requests.requestMatchers(HttpMethod.POST, LOGIN_PATH)
				.permitAll()
				.requestMatchers(scrapedOnManagementPort)
				.permitAll()
				.requestMatchers("/api/auth/**", "/api/account/password", "/api/account/sessions",
						"/api/account/sessions/**", "/api/account/two-factor", "/api/account/two-factor/**")
				.authenticated()
				.requestMatchers(onboarding)
				.access(signedInWithUsablePassword())
				.requestMatchers(api)
				.access(AuthorizationManagers.allOf(signedInWithUsablePassword(),
						AuthorityAuthorizationManager.hasAuthority(AccountUserDetailsService.APPROVED)))
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.denyAll();
		})
			.csrf((csrf) -> csrf.spa()
				.csrfTokenRepository(csrfCookie(properties.csrfCookieName()))
				.ignoringRequestMatchers(forms))
			.formLogin((login) -> login.loginProcessingUrl(LOGIN_PATH)
				.usernameParameter("email")
				.passwordParameter("password")
				.authenticationDetailsSource(SignInDetails::new)
				.successHandler(loginHandlers)
				.failureHandler(loginHandlers))
			.logout((logout) -> logout.logoutUrl("/api/auth/logout")
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
			.addFilterAfter(new AccountStandingFilter(accounts, properties.sessionLifetime()),
					SecurityContextHolderFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "account.authentication-required"), api)
				.defaultAuthenticationEntryPointFor(
						(request, response, ex) -> response.sendError(HttpStatus.NOT_FOUND.value()), (request) -> true)
				.defaultAccessDeniedHandlerFor(new ProblemAccessDeniedHandler(problems, events), api))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * The token's cookie, readable by the staff app (which echoes it in a header). Under
	 * a {@code __Host-} name (production), the browser keeps it to this very host,
	 * secure, for every path.
	 */
	private static CookieCsrfTokenRepository csrfCookie(String name) {
		CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setCookieName(name);
		if (name.startsWith("__Host-")) {
			tokens.setCookieCustomizer((cookie) -> cookie.secure(true).path("/"));
		}
		return tokens;
	}

	@Bean
	static RestrictedPaths accountAdministrationPaths() {
		return RestrictedPaths.administrators("/api/admin/**");
	}

	@Bean
	SecondFactorAuthenticationProvider secondFactorAuthenticationProvider(AccountUserDetailsService users,
			PasswordEncoder passwordEncoder, Accounts accounts, TwoFactorAuthentication twoFactor) {
		return new SecondFactorAuthenticationProvider(users, passwordEncoder, accounts, twoFactor);
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_COORDINATOR");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(PreHashedBCrypt.ID,
				Map.of(PreHashedBCrypt.ID, new PreHashedBCrypt(), "bcrypt", new PreHashedBCrypt.Legacy()));
	}

	private static AuthorizationManager<RequestAuthorizationContext> signedInWithUsablePassword() {
		return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
				AuthorizationManagers.not(AuthorityAuthorizationManager.hasAnyAuthority(
						AccountUserDetailsService.PASSWORD_CHANGE_REQUIRED,
						AccountUserDetailsService.TWO_FACTOR_SETUP_REQUIRED)));
	}

}
