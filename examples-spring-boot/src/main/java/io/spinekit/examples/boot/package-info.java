/** A Spring Boot application configured by the spinekit starter. */
package io.spinekit.examples.boot;
