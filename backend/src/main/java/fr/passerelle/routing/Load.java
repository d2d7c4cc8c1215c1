package fr.passerelle.routing;

/**
 * A volunteer's requests in the routing index.
 *
 * @param held requests offered to them or held by them
 * @param skips whether some waiting requests are not to be given to them again
 */
record Load(int held, boolean skips) {
}
