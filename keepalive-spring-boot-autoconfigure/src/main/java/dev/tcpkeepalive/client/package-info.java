/**
 * The HTTP client libraries the starter knows, and what it did for each one an
 * application uses.
 */
@NullMarked
package dev.tcpkeepalive.client;

import org.jspecify.annotations.NullMarked;
