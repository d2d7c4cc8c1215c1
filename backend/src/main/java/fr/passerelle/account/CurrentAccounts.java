package fr.passerelle.account;

import fr.passerelle.territory.Region;
import fr.passerelle.territory.Territories;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Describes the signed-in staff member to the staff app.
 */
@Component
class CurrentAccounts {

	private final Accounts accounts;

	private final Territories territories;

	CurrentAccounts(Accounts accounts, Territories territories) {
		this.accounts = accounts;
		this.territories = territories;
	}

	@Transactional(readOnly = true)
	Me describe(Authentication authentication) {
		Account account = this.accounts.findByEmail(authentication.getName()).orElseThrow();
		StaffAccount view = account.view();
		String regionName = (view.regionCode() != null)
				? this.territories.region(view.regionCode()).map(Region::name).orElse(null) : null;
		return new Me(view.id(), view.email(), view.displayName(), view.role(), view.regionCode(), regionName,
				account.passwordChangeRequired(), account.approved(), account.hasTwoFactor(),
				account.twoFactorMandatory() && !account.hasTwoFactor());
	}

	/**
	 * The signed-in staff member.
	 *
	 * @param regionName name of the région a regional coordinator covers, {@code null}
	 * when national
	 * @param passwordChangeRequired whether the app must send them to change their
	 * password before anything else
	 * @param approved whether the account may use the staff app, or only its onboarding
	 * (a volunteer who signed up, until a coordinator approves them)
	 * @param twoFactorEnabled whether sign-in asks them for a code
	 * @param twoFactorSetupRequired whether the app must send them to set up two-factor
	 * authentication before anything else (coordinators and administrators)
	 */
	record Me(long id, String email, String displayName, Role role, String regionCode, String regionName,
			boolean passwordChangeRequired, boolean approved, boolean twoFactorEnabled,
			boolean twoFactorSetupRequired) {
	}

}
