package io.spinekit.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on the spinekit starter: its Spine connections come from
 * {@code spinekit.*} properties (application.properties, environment variables), not plumbing.
 * {@link ReferralSender} uses the auto-configured beans; health and metrics are on the actuator.
 */
@SpringBootApplication
public class SpinekitBootExample {

    /** Created by Spring. */
    public SpinekitBootExample() {
    }

    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments, such as {@code --spinekit.environment=integration}
     */
    public static void main(String[] args) {
        SpringApplication.run(SpinekitBootExample.class, args);
    }
}
