package fr.passerelle.territory;

import java.time.ZoneId;

/**
 * A département, identified by its INSEE code ({@code 35}, {@code 2A}, {@code 974}), with
 * the time zone its inhabitants live in.
 */
public record Departement(String code, String name, String regionCode, ZoneId timeZone) {
}
