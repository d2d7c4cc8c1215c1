package fr.passerelle.account;

import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.SealedNumbers;

import org.springframework.stereotype.Component;

/**
 * The staff's two-factor secrets, which a key rotation seals again with the numbers.
 */
@Component
class TwoFactorSecrets implements SealedNumbers {

	private final TwoFactorAuthentication twoFactor;

	TwoFactorSecrets(TwoFactorAuthentication twoFactor) {
		this.twoFactor = twoFactor;
	}

	@Override
	public String name() {
		return "account_two_factor.secret_cipher";
	}

	@Override
	public int sealAgain(PhoneVault vault) {
		return this.twoFactor.sealAgain();
	}

}
