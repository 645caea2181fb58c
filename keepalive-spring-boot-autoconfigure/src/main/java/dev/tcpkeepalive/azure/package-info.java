/**
 * TCP keepalive for the Azure SDK's {@code azure-core} HTTP clients on
 * azure-core-http-netty.
 */
@NullMarked
package dev.tcpkeepalive.azure;

import org.jspecify.annotations.NullMarked;
