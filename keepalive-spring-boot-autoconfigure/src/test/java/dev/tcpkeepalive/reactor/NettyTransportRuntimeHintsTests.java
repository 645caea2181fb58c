package dev.tcpkeepalive.reactor;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NettyTransportRuntimeHints}.
 */
class NettyTransportRuntimeHintsTests {

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(NettyTransportRuntimeHints.class);
	}

	@Test
	void theEpollAndIoUringAvailabilityChecksCanBeInvokedReflectively() {
		RuntimeHints hints = registerHints(getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Epoll.class, "isAvailable")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(IoUring.class, "isAvailable")).accepts(hints);
	}

	@Test
	void everyAvailabilityCheckThatDetectLooksUpAndIsPresentCanBeInvokedReflectively() throws Exception {
		ClassLoader classLoader = getClass().getClassLoader();
		RuntimeHints hints = registerHints(classLoader);
		assertThat(NettyTransport.NATIVE)
			.allSatisfy((transport) -> assertThat(transport.availabilityCheck()).isNotNull());
		assertThat(NettyTransport.NATIVE)
			.filteredOn((transport) -> ClassUtils.isPresent(transport.availabilityCheck(), classLoader))
			.contains(NettyTransport.EPOLL, NettyTransport.IO_URING)
			.allSatisfy((transport) -> assertThat(RuntimeHintsPredicates.reflection()
				.onMethodInvocation(transport.availabilityCheck(), "isAvailable")).accepts(hints));
	}

	@Test
	void theClientOptionsOfAChannelInitializerCanBeReadReflectively() throws Exception {
		RuntimeHints hints = registerHints(getClass().getClassLoader());
		Class<?> initializer = Class.forName(ClientChannelOptions.INITIALIZER);
		assertThat(RuntimeHintsPredicates.reflection()
			.onField(initializer.getDeclaredField(ClientChannelOptions.CONFIG_FIELD))).accepts(hints);
	}

	@Test
	void whenReactorNettyIsAbsentThenNoHintIsRegistered() {
		RuntimeHints hints = registerHints(new FilteredClassLoader("reactor.netty"));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	private static RuntimeHints registerHints(ClassLoader classLoader) {
		RuntimeHints hints = new RuntimeHints();
		new NettyTransportRuntimeHints().registerHints(hints, classLoader);
		return hints;
	}

}
