/**
 * TCP keepalive for Jetty's HttpClient, usable on hand-built clients as well as through
 * auto-configuration.
 */
@NullMarked
package dev.tcpkeepalive.jetty;

import org.jspecify.annotations.NullMarked;
