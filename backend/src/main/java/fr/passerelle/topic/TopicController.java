package fr.passerelle.topic;

import java.util.List;

import fr.passerelle.platform.PublicPaths;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TopicController {

	private final Topics topics;

	TopicController(Topics topics) {
		this.topics = topics;
	}

	/** The themes are public: the volunteers' sign-up page lists them. */
	@Bean
	static PublicPaths topicPublicPaths() {
		return PublicPaths.of("/api/topics");
	}

	@GetMapping("/api/topics")
	List<Topic> topics() {
		return this.topics.active();
	}

}
