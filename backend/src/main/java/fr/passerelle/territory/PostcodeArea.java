package fr.passerelle.territory;

import java.util.List;

/**
 * Where a postcode is: its département and région, and the communes it serves. A few
 * postcodes straddle two départements; the département is then the one where most of the
 * postcode's inhabitants live.
 */
public record PostcodeArea(Postcode postcode, Departement departement, Region region, List<Commune> communes) {
}
