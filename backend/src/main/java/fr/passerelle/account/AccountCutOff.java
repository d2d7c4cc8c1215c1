package fr.passerelle.account;

/**
 * An account was deactivated or its role changed: its sessions have ended, and whatever
 * it was given in its former role (offers, requests held) has to go back.
 *
 * @param accountId the account
 * @param deactivated whether it may no longer sign in at all
 */
public record AccountCutOff(long accountId, boolean deactivated) {
}
