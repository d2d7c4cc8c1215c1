package fr.passerelle.volunteer;

import java.util.Set;

/**
 * What routing matches a request against.
 *
 * @param accountId the volunteer
 * @param departementCode the département they live in
 * @param regionCode its région
 * @param skills codes of the themes they can help with
 * @param languages languages they speak ({@code fr}, {@code en}…)
 * @param capacity how many requests they may hold at once
 * @param servedDepartements départements they take requests from
 * @param servedRegions régions they take requests from
 * @param servesNationally whether they take requests from anywhere
 * @param qualified approved by a coordinator and trained
 * @param reachableByPhone registered a phone the platform can ring (needed for live
 * calls)
 * @param practising their registered phone is their training phone: they may be given
 * practice requests (made from training phones), which nobody else is
 */
public record RoutingProfile(long accountId, String departementCode, String regionCode, Set<String> skills,
		Set<String> languages, int capacity, Set<String> servedDepartements, Set<String> servedRegions,
		boolean servesNationally, boolean qualified, boolean reachableByPhone, boolean practising) {

	public RoutingProfile(long accountId, String departementCode, String regionCode, Set<String> skills,
			Set<String> languages, int capacity, Set<String> servedDepartements, Set<String> servedRegions,
			boolean servesNationally, boolean qualified, boolean reachableByPhone) {
		this(accountId, departementCode, regionCode, skills, languages, capacity, servedDepartements, servedRegions,
				servesNationally, qualified, reachableByPhone, false);
	}

}
