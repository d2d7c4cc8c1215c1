package fr.passerelle.telephony;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.twilio.http.Request;
import com.twilio.http.TwilioRestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestPhones;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No database connection waits on Twilio: what is sent after a request is committed (the
 * confirmation text) is sent with no connection bound to the thread, so that many
 * requests at once, or a slow Twilio, cannot take the pool from the webhooks.
 */
@IntegrationTest
class TwilioCallsOutsideTransactionsIntegrationTests {

	@LocalServerPort
	int port;

	@MockitoSpyBean
	TwilioRestClient twilio;

	@Test
	void textsTheConfirmationWithoutHoldingAConnection() {
		List<String> held = new CopyOnWriteArrayList<>();
		Mockito.doAnswer((invocation) -> {
			Request request = invocation.getArgument(0);
			held.add(request.getUrl() + " holding " + TransactionSynchronizationManager.getResourceMap().keySet());
			return invocation.callRealMethod();
		}).when(this.twilio).request(Mockito.any());
		String caller = "+33" + TestPhones.randomMobile().substring(1);
		Map<String, String> call = TwilioWebhookClient.call("CA" + System.nanoTime(), caller);

		new TwilioWebhookClient(this.port).post("/telephony/voice/confirm?topic=CAF&postcode=35000&silences=0",
				TwilioWebhookClient.pressed(call, "1"));

		Awaitility.await().until(() -> held.stream().anyMatch((line) -> line.contains("/Messages.json")));
		assertThat(held).filteredOn((line) -> line.contains("/Messages.json"))
			.allMatch((line) -> line.endsWith("holding []"));
	}

}
