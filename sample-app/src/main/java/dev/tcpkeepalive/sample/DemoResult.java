package dev.tcpkeepalive.sample;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one call through a client.
 *
 * @param client the client used
 * @param outcome {@code ok} or {@code failed}
 * @param elapsedMillis how long the call took
 * @param body the upstream's answer
 * @param error the failure, when the call failed
 */
record DemoResult(String client, String outcome, long elapsedMillis, @Nullable String body, @Nullable String error) {

}
