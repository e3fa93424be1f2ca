/** The spinekit health contributors: spinekitCertificate, spinekitSds, spinekitMaintenance, spinekitMessageStore. */
package io.spinekit.spring.boot.autoconfigure.health;
