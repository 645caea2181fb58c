/**
 * Actuator endpoint that reports the TCP keepalive the application's sockets really
 * carry.
 */
@NullMarked
package dev.tcpkeepalive.actuate;

import org.jspecify.annotations.NullMarked;
