/**
 * Protection of citizens' personal data: phone numbers parsed once
 * ({@link fr.passerelle.privacy.PhoneNumber}), encrypted at rest with AES-GCM and looked
 * up by a keyed hash ({@link fr.passerelle.privacy.PhoneVault}), shown masked. Keys come
 * from configuration in production; the embedded default run generates them once under
 * {@code ./data/keys}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = { "platform" })
package fr.passerelle.privacy;
