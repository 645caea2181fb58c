/**
 * Core TCP keepalive settings and platform support, independent of Spring and of any HTTP
 * client.
 */
@NullMarked
package dev.tcpkeepalive;

import org.jspecify.annotations.NullMarked;
