package io.spinekit.spring.boot.autoconfigure;

import io.spinekit.env.EnvironmentProfile;
import io.spinekit.mesh.MeshClient;
import io.spinekit.mesh.MeshClientBuilder;
import io.spinekit.tls.SpineTlsContext;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link MeshClient} from {@code spinekit.mesh.*}, configured when {@code mailbox} is set: the
 * environment's {@code mesh.url} (or {@code url}, or {@code hscn=true}), the mailbox password and
 * shared key (from files, preferably), over the Spine TLS context.
 */
@AutoConfiguration(after = SpinekitAutoConfiguration.class)
@ConditionalOnClass(MeshClient.class)
@ConditionalOnBean({EnvironmentProfile.class, SpineTlsContext.class})
@ConditionalOnProperty(prefix = "spinekit.mesh", name = "mailbox")
@EnableConfigurationProperties(SpinekitMeshProperties.class)
public class SpinekitMeshAutoConfiguration {
    private static final String P = "spinekit.mesh.";
    private static final String SECRET = "(secret)";
    private static final String RANGE = "a duration between 1 ms and 10 minutes";

    /** Created by Spring. */
    public SpinekitMeshAutoConfiguration() {
    }

    /**
     * The MESH client; closed on shutdown.
     *
     * @param profile the environment
     * @param tls the Spine TLS context (the mailbox's certificate)
     * @param p the properties
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public MeshClient meshClient(EnvironmentProfile profile, SpineTlsContext tls, SpinekitMeshProperties p) {
        MeshClientBuilder b = MeshClient.builder().tls(tls);
        if (p.url() != null) {
            Props.apply(P + "url", p.url(), "https://host[:port] without a query", "Correct the URL.",
                    () -> b.url(URI.create(p.url())));
        } else if (p.hscn()) {
            Props.apply(P + "hscn", true, "an environment with mesh.hscn.url", "Set spinekit.mesh.url, or hscn=false.",
                    () -> b.hscn(profile));
        } else {
            Props.apply(P + "url", null, "the MESH URL: environment " + profile.name() + " has no mesh.url",
                    "Set spinekit.mesh.url, or spinekit.catalog.overrides[" + profile.name() + ".mesh.url].",
                    () -> b.environment(profile));
        }
        Props.apply(P + "mailbox", p.mailbox(), "a MESH mailbox id, such as X26ABC1", "Correct the mailbox id.",
                () -> b.mailbox(p.mailbox()));
        secret(p.passwordFile() != null, p.password() != null, "password");
        if (p.passwordFile() != null) {
            Props.apply(P + "password-file", p.passwordFile(), "a readable file holding the mailbox password",
                    "Correct the path.", () -> b.passwordFile(p.passwordFile()));
        } else {
            Props.apply(P + "password", SECRET, "a non-empty password", "Set it.", () -> b.password(p.password().toCharArray()));
        }
        secret(p.sharedKeyFile() != null, p.sharedKey() != null, "shared-key");
        if (p.sharedKeyFile() != null) {
            Props.apply(P + "shared-key-file", p.sharedKeyFile(), "a readable file holding the shared key",
                    "Correct the path.", () -> b.sharedKeyFile(p.sharedKeyFile()));
        } else {
            Props.apply(P + "shared-key", SECRET, "a non-empty shared key", "Set it.",
                    () -> b.sharedKey(p.sharedKey().toCharArray()));
        }
        Props.apply(P + "connect-timeout", p.connectTimeout(), RANGE, "Set it to 10s, say.",
                () -> b.connectTimeout(p.connectTimeout()));
        Props.apply(P + "handshake-timeout", p.handshakeTimeout(), RANGE, "Set it to 10s, say.",
                () -> b.handshakeTimeout(p.handshakeTimeout()));
        Props.apply(P + "response-timeout", p.responseTimeout(), RANGE, "Set it to 60s, say.",
                () -> b.responseTimeout(p.responseTimeout()));
        return b.build();
    }

    private static void secret(boolean file, boolean inline, String name) {
        if (file && inline) {
            throw new SpinekitConfigurationException(P + name, SECRET, "one source for the " + name + ", but both "
                    + P + name + "-file and " + P + name + " are set", "Keep " + P + name + "-file.", null);
        }
        if (!file && !inline) {
            throw new SpinekitConfigurationException(P + name + "-file", SpinekitConfigurationException.NOT_SET,
                    "the mailbox " + name.replace('-', ' ') + " for spinekit.mesh.mailbox",
                    "Set " + P + name + "-file=/run/secrets/mesh-" + name + ".", null);
        }
    }
}
