/**
 * Technical foundation shared by every module: the database (an embedded MariaDB when no
 * URL is configured), web security, RFC 9457 error responses, the message catalogue and
 * the serving of the staff single-page app. It knows nothing of the business modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package fr.passerelle.platform;
