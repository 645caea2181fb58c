/**
 * A sample application whose outbound HTTP clients are protected by TCP keepalive.
 */
@NullMarked
package dev.tcpkeepalive.sample;

import org.jspecify.annotations.NullMarked;
