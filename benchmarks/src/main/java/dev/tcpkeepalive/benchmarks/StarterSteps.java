package dev.tcpkeepalive.benchmarks;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;
import org.springframework.core.type.MethodMetadata;

/**
 * The time a started application spent instantiating the starter's beans, read from its
 * startup timeline.
 * <p>
 * A bean is the starter's when its class, or the class declaring its {@code @Bean}
 * method, is in a starter package. Only the outermost such step counts, so a starter bean
 * created while creating another is not counted twice. Condition evaluation and
 * configuration-class parsing are not bean steps; the difference of total startup times
 * includes them.
 *
 * @param millis the summed duration of the outermost starter bean steps
 * @param beans how many starter beans were instantiated
 */
record StarterSteps(double millis, int beans) {

	private static final String INSTANTIATE = "spring.beans.instantiate";

	static StarterSteps of(StartupTimeline timeline, ConfigurableListableBeanFactory beanFactory) {
		Map<Long, StartupStep> steps = new HashMap<>();
		Map<Long, Boolean> starter = new HashMap<>();
		for (TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			steps.put(step.getId(), step);
			starter.put(step.getId(), isStarterBean(step, beanFactory));
		}
		double millis = 0;
		int beans = 0;
		for (TimelineEvent event : timeline.getEvents()) {
			StartupStep step = event.getStartupStep();
			if (starter.get(step.getId())) {
				beans++;
				if (!hasStarterAncestor(step, steps, starter)) {
					millis += event.getDuration().toNanos() / 1_000_000.0;
				}
			}
		}
		return new StarterSteps(millis, beans);
	}

	private static boolean hasStarterAncestor(StartupStep step, Map<Long, StartupStep> steps,
			Map<Long, Boolean> starter) {
		Long parentId = step.getParentId();
		while (parentId != null) {
			if (starter.getOrDefault(parentId, false)) {
				return true;
			}
			StartupStep parent = steps.get(parentId);
			parentId = (parent != null) ? parent.getParentId() : null;
		}
		return false;
	}

	private static boolean isStarterBean(StartupStep step, ConfigurableListableBeanFactory beanFactory) {
		String beanName = (INSTANTIATE.equals(step.getName())) ? tag(step, "beanName") : null;
		if (beanName == null || !beanFactory.containsBeanDefinition(beanName)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
		String className = definition.getBeanClassName();
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			if (factoryMethod != null) {
				className = factoryMethod.getDeclaringClassName();
			}
		}
		return className != null && Side.isStarterClass(className);
	}

	private static @Nullable String tag(StartupStep step, String key) {
		for (StartupStep.Tag tag : step.getTags()) {
			if (key.equals(tag.getKey())) {
				return tag.getValue();
			}
		}
		return null;
	}

}
