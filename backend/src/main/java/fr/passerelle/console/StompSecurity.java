package fr.passerelle.console;

import fr.passerelle.account.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageAuthorizationContext;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.security.messaging.web.csrf.CsrfChannelInterceptor;

/**
 * Deny by default, frame by frame. CONNECT must carry the CSRF token that the staff app
 * reads from its cookie (header {@code X-XSRF-TOKEN}); a console may subscribe to its own
 * queue, to the figures of the régions its user follows and, for a coordinator, to the
 * wallboards of their scope; it sends nothing else: every action goes through the REST
 * API.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketSecurity
class StompSecurity {

	@Bean
	AuthorizationManager<Message<?>> messageAuthorizationManager(
			MessageMatcherDelegatingAuthorizationManager.Builder messages, Audience audience, ConsoleChannel channel) {
		ConsoleChannel.Destinations destinations = channel.destinations();
		return messages.nullDestMatcher()
			.authenticated()
			.simpSubscribeDestMatchers(destinations.personal())
			.authenticated()
			.simpSubscribeDestMatchers(destinations.figures() + "{region}")
			.access(followsRegion(audience))
			.simpSubscribeDestMatchers(ConsoleChannel.WALLBOARD_TOPIC + "{scope}")
			.access(coordinates(audience))
			.anyMessage()
			.denyAll()
			.build();
	}

	/**
	 * The staff app holds the CSRF token as its cookie carries it, so CONNECT is checked
	 * against the plain token (Spring's default expects the masked form that server-side
	 * pages render).
	 */
	@Bean
	ChannelInterceptor csrfChannelInterceptor() {
		return new CsrfChannelInterceptor();
	}

	/**
	 * A wallboard: the whole country's for national coordinators and administrators, a
	 * région's for them and that région's coordinators.
	 */
	private static AuthorizationManager<MessageAuthorizationContext<?>> coordinates(Audience audience) {
		return (authentication, context) -> {
			String scope = context.getVariables().get("scope");
			var user = authentication.get();
			boolean allowed = user != null && user.isAuthenticated() && scope != null
					&& audience.staff(user.getName())
						.filter((staff) -> staff.role() == Role.ADMIN || staff.role() == Role.COORDINATOR)
						.filter((staff) -> staff.isNational() || scope.equals(staff.regionCode()))
						.isPresent();
			return new AuthorizationDecision(allowed);
		};
	}

	private static AuthorizationManager<MessageAuthorizationContext<?>> followsRegion(Audience audience) {
		return (authentication, context) -> {
			String region = context.getVariables().get("region");
			var user = authentication.get();
			boolean follows = user != null && user.isAuthenticated() && region != null
					&& audience.regionsFollowedBy(user.getName()).contains(region);
			return new AuthorizationDecision(follows);
		};
	}

}
