package dev.tcpkeepalive;

/**
 * Thrown when a keepalive setting is outside what the kernel accepts or would not keep a NAT entry alive.
 *
 * @since 0.1.0
 */
public class InvalidTcpKeepAliveSettingException extends IllegalArgumentException {

	private final String setting;

	private final String value;

	private final String validRange;

	private final String suggestion;

	public InvalidTcpKeepAliveSettingException(String setting, String value, String validRange, String suggestion) {
		super("Invalid TCP keepalive setting '%s' = '%s': valid range is %s. %s".formatted(setting, value, validRange,
				suggestion));
		this.setting = setting;
		this.value = value;
		this.validRange = validRange;
		this.suggestion = suggestion;
	}

	/**
	 * Return the name of the offending setting, relative to the keepalive settings (for example {@code idle}).
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
