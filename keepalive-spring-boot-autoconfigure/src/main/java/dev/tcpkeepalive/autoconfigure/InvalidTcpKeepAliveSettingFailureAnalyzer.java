package dev.tcpkeepalive.autoconfigure;

import dev.tcpkeepalive.InvalidTcpKeepAliveSettingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an invalid {@code azure.tcp-keepalive.*} property with its value, its valid
 * range and what to change.
 */
class InvalidTcpKeepAliveSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTcpKeepAliveSettingException> {

	private static final String PREFIX = "azure.tcp-keepalive.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTcpKeepAliveSettingException cause) {
		String property = PREFIX + cause.getSetting();
		String description = "Invalid value '%s' for property '%s'.%n%nValid range: %s".formatted(cause.getValue(),
				property, cause.getValidRange());
		String action = "Update '%s' in your application's configuration. %s".formatted(property,
				cause.getSuggestion());
		return new FailureAnalysis(description, action, cause);
	}

}
