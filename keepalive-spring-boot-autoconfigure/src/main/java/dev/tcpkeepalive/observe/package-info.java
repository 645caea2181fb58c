/**
 * A small, bounded record of the keepalive options that real sockets carried.
 */
@NullMarked
package dev.tcpkeepalive.observe;

import org.jspecify.annotations.NullMarked;
