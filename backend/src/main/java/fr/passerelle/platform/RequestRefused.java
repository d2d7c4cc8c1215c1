package fr.passerelle.platform;

/**
 * Published, synchronously, when a signed-in caller is refused for want of rights (a 403
 * the application decided), so that the audit log records it without every module knowing
 * the log.
 *
 * @param method the request's HTTP method
 * @param path the request's path, without its query string
 * @param reason the message code of the refusal
 */
public record RequestRefused(String method, String path, String reason) {
}
