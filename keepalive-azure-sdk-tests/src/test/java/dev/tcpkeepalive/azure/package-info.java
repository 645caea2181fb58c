/**
 * Tests of the starter with real Azure SDK clients.
 */
@NullMarked
package dev.tcpkeepalive.azure;

import org.jspecify.annotations.NullMarked;
