package fr.passerelle.account;

/**
 * A sign-up whose address was never confirmed is being erased, in this very transaction:
 * the other modules delete what they keep about the account (a volunteer's profile, phone
 * and territory) before the account goes.
 *
 * @param accountId the account
 */
public record SignUpAbandoned(long accountId) {
}
