/**
 * TCP keepalive for Apache HttpClient 5, usable on hand-built clients as well as through
 * auto-configuration.
 */
@NullMarked
package dev.tcpkeepalive.httpcomponents;

import org.jspecify.annotations.NullMarked;
