/**
 * Benchmarks that measure what the starter costs against the same run without it.
 */
@NullMarked
package dev.tcpkeepalive.benchmarks;

import org.jspecify.annotations.NullMarked;
