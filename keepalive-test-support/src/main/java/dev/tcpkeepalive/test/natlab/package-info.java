/**
 * A network-namespace lab whose NAT silently forgets idle TCP flows, reproducing the
 * Azure drop in seconds.
 */
@NullMarked
package dev.tcpkeepalive.test.natlab;

import org.jspecify.annotations.NullMarked;
