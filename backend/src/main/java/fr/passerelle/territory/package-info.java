/**
 * French territory reference data: the 18 régions, the 101 départements (Corsica and the
 * five overseas départements included) with their time zones, and the postcode → communes
 * → département resolver, all generated from INSEE's official geography and La Poste's
 * postcodes (Licence Ouverte 2.0). {@link fr.passerelle.territory.Territories} is the
 * entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory", allowedDependencies = { "platform" })
package fr.passerelle.territory;
