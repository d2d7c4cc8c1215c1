package fr.passerelle.ticket;

import java.util.Set;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.territory.Postcode;
import fr.passerelle.territory.PostcodeArea;
import fr.passerelle.territory.Territories;
import fr.passerelle.topic.Topic;
import fr.passerelle.topic.Topics;

import org.springframework.stereotype.Component;

/**
 * Parses what a request for help is made of, where it arrives: what a citizen typed in
 * the callback form, what a volunteer sent to the API, what the fallback kept on disk.
 * Each value is parsed once, here, and each refusal names the field it was typed in; the
 * ticket module trusts the {@link HelpRequest} it is then given.
 */
@Component
public class HelpRequests {

	private static final int FIRST_NAME_MAX = 60;

	private final Topics topics;

	private final Territories territories;

	HelpRequests(Topics topics, Territories territories) {
		this.topics = topics;
		this.territories = territories;
	}

	/**
	 * A theme, offered or not (a request made before keeps it).
	 * @throws RejectedRequest on {@code topic} when there is no such theme
	 */
	public Topic topic(String code) {
		return this.topics.find(code).orElseThrow(HelpRequests::unknownTopic);
	}

	/**
	 * A theme new requests may take.
	 * @throws RejectedRequest on {@code topic} when there is no such theme, or it is no
	 * longer offered
	 */
	public Topic activeTopic(String code) {
		return this.topics.findActive(code).orElseThrow(HelpRequests::unknownTopic);
	}

	/**
	 * Where a postcode is.
	 * @throws RejectedRequest on {@code postcode} when it is not five digits, or no
	 * commune has it
	 */
	public PostcodeArea area(String postcode) {
		try {
			return this.territories.resolve(Postcode.parse(postcode));
		}
		catch (RejectedRequest refused) {
			throw refused.on("postcode");
		}
	}

	/**
	 * A number the platform may call back.
	 * @throws RejectedRequest on {@code phone} when there is none, or it is malformed,
	 * foreign or cannot be called
	 */
	public PhoneNumber phone(String typed) {
		if (typed == null || typed.isBlank()) {
			throw RejectedRequest.field("phone", "ticket.phone.required");
		}
		try {
			return PhoneNumber.parse(typed);
		}
		catch (RejectedRequest refused) {
			throw refused.on("phone");
		}
	}

	/**
	 * A first name as typed, trimmed; {@code null} when none was given.
	 * @throws RejectedRequest on {@code firstName} when too long or holding control
	 * characters
	 */
	public String firstName(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String name = typed.strip();
		if (name.length() > FIRST_NAME_MAX || name.chars().anyMatch(Character::isISOControl)) {
			throw RejectedRequest.field("firstName", "ticket.first-name.invalid", FIRST_NAME_MAX);
		}
		return name;
	}

	/**
	 * A callback request from what was typed.
	 * @throws RejectedRequest on the first field refused
	 */
	public HelpRequest callback(TicketSource source, String topicCode, String postcode, String phone, String firstName,
			Set<TimeSlot> slots) {
		return HelpRequest.callback(source, topic(topicCode), area(postcode), phone(phone), firstName(firstName),
				slots);
	}

	private static RejectedRequest unknownTopic() {
		return RejectedRequest.field("topic", "ticket.topic.unknown");
	}

}
