package fr.passerelle.statistics;

import java.time.Clock;
import java.util.Map;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.territory.Territories;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wallboard (also pushed live over STOMP by the console module), and the targets its
 * figures are coloured against, which national coordinators set.
 */
@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Statistics")
class WallboardController {

	private final Wallboards wallboards;

	private final Targets targets;

	private final Territories territories;

	private final AuditLog audit;

	private final Clock clock;

	WallboardController(Wallboards wallboards, Targets targets, Territories territories, AuditLog audit, Clock clock) {
		this.wallboards = wallboards;
		this.targets = targets;
		this.territories = territories;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/wallboard")
	@Operation(summary = "The service now: callers waiting and the longest wait, callbacks due and the oldest, "
			+ "volunteers by state, today's figures against their targets, by région (or département), alerts")
	Wallboard wallboard(@RequestParam(required = false) String region, StaffAccount staff) {
		return this.wallboards.of(Scope.of(staff, region, this.territories));
	}

	@GetMapping("/targets")
	@Operation(summary = "The targets the figures are coloured against")
	Wallboard.Goals targets() {
		Targets.Current current = this.targets.current();
		return new Wallboard.Goals(current.serviceLevelThresholdSeconds(), current.serviceLevel(),
				current.abandonmentRate(), current.firstAttempt24hRate());
	}

	@PutMapping("/targets")
	@Operation(summary = "Set the targets (national coordinators and administrators): the service level's "
			+ "threshold (10 to 120 s) and the three rates, as fractions")
	Wallboard.Goals setTargets(@Valid @RequestBody Goals goals, StaffAccount staff) {
		if (!staff.isNational()) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "statistics.targets.national");
		}
		Targets.Current before = this.targets.current();
		Targets.Current after = new Targets.Current(goals.serviceLevelThresholdSeconds(), goals.serviceLevel(),
				goals.abandonmentRate(), goals.firstAttemptWithin24hRate());
		if (this.targets.update(after, staff.id(), this.clock.instant())) {
			this.audit.record(AuditAction.TARGETS_CHANGED, "statistics/targets",
					Map.of("before", before.toString(), "after", after.toString()));
		}
		return targets();
	}

	/** The targets as sent. */
	record Goals(@NotNull Integer serviceLevelThresholdSeconds, @NotNull Double serviceLevel,
			@NotNull Double abandonmentRate, @NotNull Double firstAttemptWithin24hRate) {
	}

}
