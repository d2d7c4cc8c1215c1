package fr.passerelle.tutorial;

/**
 * Why a file of a tutorials bundle cannot be loaded: a message code of the catalogue (the
 * importer reads it in their language) with its arguments, and the same in English for
 * the log and the seeds at start-up.
 */
class BundleProblem extends IllegalArgumentException {

	private final String code;

	private final transient Object[] arguments;

	BundleProblem(String code, String english, Object... arguments) {
		super(english);
		this.code = code;
		this.arguments = arguments;
	}

	String code() {
		return this.code;
	}

	Object[] arguments() {
		return this.arguments.clone();
	}

}
