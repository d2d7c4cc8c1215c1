package fr.passerelle.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the platform where to find it.
 */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(ApplicationReadyEvent ready) {
		if (!(ready.getApplicationContext() instanceof WebServerApplicationContext context)) {
			return;
		}
		String base = "http://localhost:" + context.getWebServer().getPort();
		log.info("""

				Passerelle is up:
				  citizen site     {}/
				  tutorials        {}/tutoriels
				  staff app        {}/app/
				  training phone   {}/app/telephone (without a Twilio account)
				  health           {}/actuator/health""", base, base, base, base, base);
	}

}
