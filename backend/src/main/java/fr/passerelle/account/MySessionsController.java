package fr.passerelle.account;

import java.util.List;

import fr.passerelle.account.MySessions.SignedInSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
class MySessionsController {

	private final MySessions sessions;

	MySessionsController(MySessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/api/account/sessions")
	@Operation(summary = "Where I am signed in, the session used last first")
	List<SignedInSession> list(Authentication authentication, HttpServletRequest request) {
		return this.sessions.list(authentication.getName(), request.getSession().getId());
	}

	@PostMapping("/api/account/sessions/end")
	@Operation(summary = "End one of my other sessions, or all of them, my password confirmed")
	Ended end(@Valid @RequestBody Ending ending, Authentication authentication, HttpServletRequest request) {
		return new Ended(this.sessions.end(authentication.getName(), request.getSession().getId(), ending.password(),
				ending.session(), request.getRemoteAddr()));
	}

	/**
	 * @param session the reference of the session to end; none for all the others
	 */
	record Ending(@NotNull @Size(max = 200) String password, @Size(max = 64) String session) {
	}

	record Ended(int ended) {
	}

}
