package fr.passerelle.statistics;

import fr.passerelle.account.StaffAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A coordinator's own subscription to the coverage alerts by text: the phone to text
 * (registered as a volunteer registers theirs), or none.
 */
@RestController
@RequestMapping("/api/statistics/alerts/subscription")
@Tag(name = "Statistics")
class AlertSubscriptionController {

	private final AlertSubscriptions subscriptions;

	AlertSubscriptionController(AlertSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping
	@Operation(summary = "Whether the signed-in coordinator is texted the alerts of their scope, and on which phone "
			+ "(masked)")
	Subscription mine(StaffAccount staff) {
		return new Subscription(this.subscriptions.of(staff).orElse(null));
	}

	@PutMapping
	@Operation(summary = "Text the alerts of the coordinator's scope to this phone (at most one text per alert rule "
			+ "and scope an hour)")
	Subscription subscribe(@Valid @RequestBody Phone phone, StaffAccount staff) {
		return new Subscription(this.subscriptions.subscribe(staff, phone.phone()));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop texting the alerts")
	void unsubscribe(StaffAccount staff) {
		this.subscriptions.unsubscribe(staff);
	}

	/**
	 * @param masked the phone texted, masked; {@code null} when none
	 */
	record Subscription(String masked) {
	}

	record Phone(@NotBlank @Size(max = 30) String phone) {
	}

}
