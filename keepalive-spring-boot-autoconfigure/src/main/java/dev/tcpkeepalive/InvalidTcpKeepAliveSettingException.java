package dev.tcpkeepalive;

/**
 * Thrown when a keepalive setting is outside what the kernel accepts or would not keep a
 * NAT entry alive.
 *
 * @since 0.1.0
 */
public class InvalidTcpKeepAliveSettingException extends IllegalArgumentException {

	/** Setting that was rejected, relative to the keepalive settings. */
	private final String setting;

	/** Value that was rejected, as the user wrote it. */
	private final String value;

	/** Values the setting accepts. */
	private final String validRange;

	/** What to change. */
	private final String suggestion;

	/**
	 * Create a new exception for a rejected setting.
	 * @param setting the setting, relative to the keepalive settings (for example
	 * {@code idle})
	 * @param value the rejected value
	 * @param validRange the values the setting accepts
	 * @param suggestion what to change
	 */
	public InvalidTcpKeepAliveSettingException(String setting, String value, String validRange, String suggestion) {
		super("Invalid TCP keepalive setting '%s' = '%s': valid range is %s. %s".formatted(setting, value, validRange,
				suggestion));
		this.setting = setting;
		this.value = value;
		this.validRange = validRange;
		this.suggestion = suggestion;
	}

	/**
	 * Return the name of the offending setting, relative to the keepalive settings (for
	 * example {@code idle}).
	 * @return the setting name
	 */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * Return the rejected value as it was given.
	 * @return the rejected value
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * Return a description of the values that would be accepted.
	 * @return the valid range
	 */
	public String getValidRange() {
		return this.validRange;
	}

	/**
	 * Return what to change, in one sentence.
	 * @return the suggestion
	 */
	public String getSuggestion() {
		return this.suggestion;
	}

}
