/**
 * NAT lab tests: every client path runs against a NAT that silently drops idle flows,
 * with and without the starter.
 */
@NullMarked
package dev.tcpkeepalive.natlab;

import org.jspecify.annotations.NullMarked;
