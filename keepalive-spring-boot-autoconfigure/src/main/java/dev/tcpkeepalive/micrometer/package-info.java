/**
 * Micrometer meters for the connections the starter observed.
 */
@NullMarked
package dev.tcpkeepalive.micrometer;

import org.jspecify.annotations.NullMarked;
