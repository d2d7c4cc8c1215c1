package fr.passerelle.telephony;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelephonyMetersTests {

	@Test
	void countsCallersCallsByOutcomeAndLeavesPracticeOut() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		TelephonyMeters meters = new TelephonyMeters(registry);

		meters.callEnded(new CallStore.EndedCall("ANSWERED", true, false));
		meters.callEnded(new CallStore.EndedCall("ABANDONED", true, false));
		meters.callEnded(new CallStore.EndedCall("SHORT_ABANDON", true, false));
		meters.callEnded(new CallStore.EndedCall("CALLBACK_REQUESTED", true, false));
		meters.callEnded(new CallStore.EndedCall("CALLBACK_REQUESTED", false, false));
		meters.callEnded(new CallStore.EndedCall("ANSWERED", true, true));

		assertThat(registry.counter("passerelle.calls.received").count()).isEqualTo(5);
		assertThat(registry.counter("passerelle.calls.answered").count()).isEqualTo(1);
		assertThat(registry.counter("passerelle.calls.abandoned", "short", "false").count()).isEqualTo(1);
		assertThat(registry.counter("passerelle.calls.abandoned", "short", "true").count()).isEqualTo(1);
	}

}
