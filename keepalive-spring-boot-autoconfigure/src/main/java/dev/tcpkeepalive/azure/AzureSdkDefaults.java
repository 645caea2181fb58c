package dev.tcpkeepalive.azure;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.tcpkeepalive.TcpKeepAliveSettings;
import dev.tcpkeepalive.observe.ObservedKeepAlive;
import org.jspecify.annotations.Nullable;

/**
 * The settings and observer that {@link KeepAliveNettyHttpClientProvider} uses, handed
 * over by the application.
 * <p>
 * azure-core instantiates its providers with a {@link java.util.ServiceLoader}, outside
 * any application context, so they find their configuration here. It is read when each
 * connection is opened: a client created before the application installed its defaults
 * carries keepalive on the connections it opens afterwards, and none on those it opened
 * before.
 *
 * @since 0.1.0
 */
public final class AzureSdkDefaults {

	private static final AtomicReference<@Nullable Registration> current = new AtomicReference<>();

	private AzureSdkDefaults() {
	}

	/**
	 * Install the settings and observer for connections opened from now on, replacing any
	 * installed before.
	 * @param settings the keepalive settings, or {@code null} to leave the sockets as the
	 * library opens them
	 * @param observer receives what each new connection carries
	 * @return the registration, to close when the application stops
	 */
	public static Registration install(@Nullable TcpKeepAliveSettings settings, Consumer<ObservedKeepAlive> observer) {
		Objects.requireNonNull(observer, "'observer' must not be null");
		Registration registration = new Registration(settings, observer);
		current.set(registration);
		return registration;
	}

	static @Nullable TcpKeepAliveSettings settings() {
		Registration registration = current.get();
		return (registration != null) ? registration.settings : null;
	}

	static void observed(ObservedKeepAlive observed) {
		Registration registration = current.get();
		if (registration != null) {
			registration.observer.accept(observed);
		}
	}

	/**
	 * Installed settings and observer; closing it uninstalls them unless others were
	 * installed since.
	 */
	public static final class Registration implements AutoCloseable {

		private final @Nullable TcpKeepAliveSettings settings;

		private final Consumer<ObservedKeepAlive> observer;

		private Registration(@Nullable TcpKeepAliveSettings settings, Consumer<ObservedKeepAlive> observer) {
			this.settings = settings;
			this.observer = observer;
		}

		/**
		 * Return the installed settings.
		 * @return the settings, or {@code null} when keepalive is not applied
		 */
		public @Nullable TcpKeepAliveSettings settings() {
			return this.settings;
		}

		@Override
		public void close() {
			current.compareAndSet(this, null);
		}

	}

}
