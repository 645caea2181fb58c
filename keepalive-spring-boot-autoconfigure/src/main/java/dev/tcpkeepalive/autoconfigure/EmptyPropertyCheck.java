package dev.tcpkeepalive.autoconfigure;

import java.util.List;

import dev.tcpkeepalive.InvalidTcpKeepAliveSettingException;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Rejects keepalive properties set to an empty value.
 * <p>
 * Boot converts an empty duration or number to "no value" and keeps the field's default,
 * which also hides a value from a lower property source such as
 * {@code application.properties}: a silent change the user did not ask for.
 */
final class EmptyPropertyCheck {

	private static final List<String> VALUES = List.of("idle", "interval", "count", "nat-idle-timeout", "user-timeout");

	private EmptyPropertyCheck() {
	}

	static void requireNoEmptyValues(Environment environment) {
		Binder binder = Binder.get(environment);
		for (String name : VALUES) {
			String value = binder.bind("azure.tcp-keepalive." + name, Bindable.of(String.class)).orElse(null);
			if (value != null && value.isBlank()) {
				throw new InvalidTcpKeepAliveSettingException(name, value, "a value; an empty value is not a default",
						"Remove the empty azure.tcp-keepalive.%s so that the configured or built-in value applies, or give it a value."
							.formatted(name));
			}
		}
	}

}
