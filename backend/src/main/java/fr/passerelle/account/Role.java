package fr.passerelle.account;

/**
 * What a staff member may do. An administrator can do everything a coordinator can.
 */
public enum Role {

	VOLUNTEER, COORDINATOR, ADMIN;

	String authority() {
		return "ROLE_" + name();
	}

}
