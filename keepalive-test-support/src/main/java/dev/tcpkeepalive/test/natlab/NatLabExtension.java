package dev.tcpkeepalive.test.natlab;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that skips (or, in CI as root, fails) a test class when the lab cannot
 * run, and injects a started {@link NatLab}.
 * <p>
 * A lab injected into a {@code @BeforeAll} method is shared by the class; one injected
 * into a test method that has no class lab is that method's own. Either way it is closed
 * when its scope ends.
 *
 * @since 0.1.0
 */
public class NatLabExtension implements BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(NatLabExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		NatLabAvailability.assumeLabAvailable();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == NatLab.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		// The store looks in enclosing scopes first, so test methods see a lab their
		// class already started
		return extensionContext.getStore(NAMESPACE)
			.computeIfAbsent(NatLab.class, (key) -> NatLab.start(), NatLab.class);
	}

}
