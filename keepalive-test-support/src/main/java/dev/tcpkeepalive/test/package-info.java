/**
 * Test fixtures shared by the project's modules: loopback HTTP servers and kernel socket
 * inspection.
 */
@NullMarked
package dev.tcpkeepalive.test;

import org.jspecify.annotations.NullMarked;
