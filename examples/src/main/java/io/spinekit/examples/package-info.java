/**
 * Runnable examples: each the shortest correct code for one task. Their tests in this module run
 * them against the testkit's loopback servers in {@code mvn -B verify}.
 */
package io.spinekit.examples;
