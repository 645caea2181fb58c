/**
 * Auto-configuration that applies TCP keepalive to Spring Boot's HTTP clients.
 */
@NullMarked
package dev.tcpkeepalive.autoconfigure;

import org.jspecify.annotations.NullMarked;
