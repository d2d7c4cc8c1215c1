/**
 * The themes a citizen asks for help with (CAF, santé, impôts…), each with its key on the
 * phone menu and what the menu says for it, offered or not. National staff change them
 * from the staff app ({@link fr.passerelle.topic.TopicMenu}); every instance reads them
 * again within seconds. Volunteers' skills, the phone menu, routing and tutorials all
 * refer to them. {@link fr.passerelle.topic.Topics} is the entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Topics",
		allowedDependencies = { "account", "platform", "privacy" })
package fr.passerelle.topic;
