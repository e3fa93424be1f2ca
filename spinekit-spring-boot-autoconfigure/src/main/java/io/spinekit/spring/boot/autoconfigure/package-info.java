/**
 * Spring Boot auto-configuration for spinekit: {@code spinekit.*} properties to beans
 * ({@code SpineCatalog}, {@code EnvironmentProfile}, {@code SpineTlsContext}, {@code SdsClient},
 * {@code CisClient}, {@code SpineMessaging}, {@code InboundHandler}/{@code InboundServer},
 * {@code MeshClient}), start-up failure analysis, health contributors, meters and an info contributor.
 */
package io.spinekit.spring.boot.autoconfigure;
