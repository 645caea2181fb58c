package dev.tcpkeepalive.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One start of the sample app by {@link StartupProbe}.
 *
 * @param readyMillis milliseconds from {@code SpringApplication.run} to
 * {@code ApplicationReadyEvent}
 * @param starterMillis milliseconds of the outermost bean steps of the starter's beans
 * @param starterBeans how many of the starter's beans were instantiated
 * @param allocatedMegabytes MiB the main thread allocated until
 * {@code ApplicationReadyEvent}, which unlike the time hardly depends on how busy the
 * machine is
 * @param classes the classes loaded before "Started SampleApplication", on runs that
 * logged them
 */
record StartupRun(double readyMillis, double starterMillis, int starterBeans, double allocatedMegabytes,
		@Nullable ClassLoadLog classes) {

}
