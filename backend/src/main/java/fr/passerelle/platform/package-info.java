/**
 * Technical foundation shared by every module: the database (an embedded MariaDB when no
 * URL is configured), RFC 9457 error responses
 * ({@link fr.passerelle.platform.RejectedRequest}), rate limits, the mailer, the paths
 * each module declares public or restricted, the settings national staff change by group
 * ({@link fr.passerelle.platform.ServiceSettings}), scheduling with ShedLock, and the
 * serving of the staff single-page app. It knows nothing of the business modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package fr.passerelle.platform;
