package fr.passerelle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Passerelle: a national phone-and-web help desk for people who struggle with online
 * procedures. Listeners of events between modules run asynchronously, after the
 * transaction that published the event (Spring Modulith's application module listeners),
 * so that no webhook or page waits for an SMS to go out.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
@Modulithic(sharedModules = "platform")
public class PasserelleApplication {

	public static void main(String[] args) {
		SpringApplication.run(PasserelleApplication.class, args);
	}

}
