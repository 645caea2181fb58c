/**
 * TCP keepalive for Reactor Netty, with the socket options of the transport each channel
 * really uses.
 */
@NullMarked
package dev.tcpkeepalive.reactor;

import org.jspecify.annotations.NullMarked;
