/**
 * The hotline's texts: what the platform texts citizens (a request's reference, when they
 * will be called back, a tutorial's link) and staff (coverage alerts), each sent at most
 * once per event through Twilio ({@link fr.passerelle.telephony.texts.Texts}); the
 * wordings national coordinators edit
 * ({@link fr.passerelle.telephony.texts.SmsTemplates}); the answer to a text sent to the
 * hotline; how long texts are kept.
 * <p>
 * It uses the rest of telephony for Twilio's settings, meters and the line's wordings
 * ({@link fr.passerelle.telephony.Voice}); the rest of telephony does not use it.
 */
package fr.passerelle.telephony.texts;
