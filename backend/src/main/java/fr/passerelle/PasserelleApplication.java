package fr.passerelle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Passerelle: a national phone-and-web help desk for people who struggle with online
 * procedures.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "platform")
public class PasserelleApplication {

	public static void main(String[] args) {
		SpringApplication.run(PasserelleApplication.class, args);
	}

}
