package fr.passerelle.telephony.simulator;

import java.time.Instant;
import java.util.List;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.HotlineNumber;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.telephony.PracticeCalls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demonstration and training phone of simulator mode: each staff member has a
 * simulated citizen's phone, with its own number, that calls the hotline through the
 * simulator and receives the hotline's texts.
 */
@Conditional(SimulatorMode.class)
@RestController
@RequestMapping("/api/simulator/phone")
class SimulatorPhoneController {

	private final SimulatedCalls calls;

	private final TwilioSimulator simulator;

	private final HotlineNumber hotline;

	private final PracticeCalls practiceCalls;

	SimulatorPhoneController(SimulatedCalls calls, TwilioSimulator simulator, HotlineNumber hotline,
			PracticeCalls practiceCalls) {
		this.practiceCalls = practiceCalls;
		this.calls = calls;
		this.simulator = simulator;
		this.hotline = hotline;
	}

	@GetMapping
	Phone phone(StaffAccount staff) {
		String number = numberOf(staff);
		List<Text> inbox = this.simulator.inbox(number)
			.stream()
			.map((text) -> new Text(text.from(), text.body(), text.receivedAt()))
			.toList();
		SimulatedCall call = this.calls.current(number);
		return new Phone(number, this.hotline.e164(), inbox, (call != null) ? CallState.of(call) : null);
	}

	/**
	 * Calls the hotline; a call that goes through the whole menu is one of the staff
	 * member's practice calls.
	 */
	@PostMapping("/call")
	CallState dial(StaffAccount staff) {
		String number = numberOf(staff);
		long accountId = staff.id();
		return run(() -> {
			SimulatedCall call = this.calls.dial(number);
			this.practiceCalls.placed(call.sid(), accountId);
			return call;
		});
	}

	/**
	 * Picks up the call ringing on the phone (the hotline calling back, or offering a
	 * call).
	 */
	@PostMapping("/call/answer")
	CallState answer(StaffAccount staff) {
		String number = numberOf(staff);
		SimulatedCall ringing = this.calls.current(number);
		if (ringing == null || ringing.state() != SimulatedCall.State.RINGING) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "simulator.not-ringing");
		}
		return run(() -> this.calls.answer(number));
	}

	@PostMapping("/call/keys")
	CallState press(StaffAccount staff, @Valid @RequestBody Keys keys) {
		return run(() -> this.calls.press(numberOf(staff), keys.keys()));
	}

	@PostMapping("/call/silence")
	CallState stayQuiet(StaffAccount staff) {
		return run(() -> this.calls.stayQuiet(numberOf(staff)));
	}

	@PostMapping("/call/hangup")
	CallState hangUp(StaffAccount staff) {
		SimulatedCall call = this.calls.hangUp(numberOf(staff));
		return (call != null) ? CallState.of(call)
				: new CallState(null, SimulatedCall.State.ENDED, true, false, null, List.of(), null, List.of());
	}

	private CallState run(java.util.function.Supplier<SimulatedCall> action) {
		try {
			return CallState.of(action.get());
		}
		catch (IllegalStateException noCall) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "simulator.no-call");
		}
	}

	/**
	 * The staff member's simulated phone: a metropolitan mobile number of the
	 * {@code 06 1} range made from their account, so that each has their own inbox.
	 */
	private String numberOf(StaffAccount staff) {
		return String.format("+3361%07d", staff.id() % 10_000_000);
	}

	/**
	 * @param call the phone's latest call, under way or over, if any
	 */
	record Phone(String number, String hotline, List<Text> inbox, CallState call) {
	}

	record Text(String from, String body, Instant receivedAt) {
	}

	record Keys(@NotNull @Pattern(regexp = "[0-9*#]{1,10}") String keys) {
	}

	/**
	 * @param state ringing, with the hotline, dialling someone, put through, or over
	 * @param incoming whether the hotline called this phone
	 * @param otherNumber the number on the phone's display: the hotline's, whoever calls
	 * @param heard what the hotline said since the person's last action
	 * @param awaitedKeys how many keys it waits for, or {@code null}
	 * @param transcript everything said and keyed on the call, oldest first
	 */
	record CallState(String sid, SimulatedCall.State state, boolean ended, boolean incoming, String otherNumber,
			List<String> heard, Integer awaitedKeys, List<SimulatedCall.Line> transcript) {

		static CallState of(SimulatedCall call) {
			return new CallState(call.sid(), call.state(), call.ended(), call.incoming(),
					call.incoming() ? call.from() : call.to(), call.heard(), call.awaitedKeys(), call.transcript());
		}

	}

}
