package fr.passerelle.privacy;

/**
 * A phone number as it is stored: encrypted, with the keyed hash that finds it again.
 *
 * @param ciphertext key version, IV and AES-GCM ciphertext
 * @param lookupHash hex HMAC-SHA256 of the E.164 number
 */
public record SealedPhone(byte[] ciphertext, String lookupHash) {
}
