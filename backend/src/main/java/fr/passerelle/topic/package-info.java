/**
 * The themes a citizen asks for help with (CAF, santé, impôts…), each with its key on the
 * phone menu. Volunteers' skills, the phone menu, routing and tutorials all refer to
 * them. {@link fr.passerelle.topic.Topics} is the entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Topics")
package fr.passerelle.topic;
