package fr.passerelle.topic;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TopicController {

	private final Topics topics;

	TopicController(Topics topics) {
		this.topics = topics;
	}

	@GetMapping("/api/topics")
	List<Topic> topics() {
		return this.topics.all();
	}

}
