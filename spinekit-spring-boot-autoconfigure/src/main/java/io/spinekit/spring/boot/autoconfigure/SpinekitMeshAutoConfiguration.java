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
        if (p.getUrl() != null) {
            Props.apply(P + "url", p.getUrl(), "https://host[:port] without a query", "Correct the URL.",
                    () -> b.url(URI.create(p.getUrl())));
        } else if (p.isHscn()) {
            Props.apply(P + "hscn", true, "an environment with mesh.hscn.url", "Set spinekit.mesh.url, or hscn=false.",
                    () -> b.hscn(profile));
        } else {
            Props.apply(P + "url", null, "the MESH URL: environment " + profile.name() + " has no mesh.url",
                    "Set spinekit.mesh.url, or spinekit.catalog.overrides[" + profile.name() + ".mesh.url].",
                    () -> b.environment(profile));
        }
        Props.apply(P + "mailbox", p.getMailbox(), "a MESH mailbox id, such as X26ABC1", "Correct the mailbox id.",
                () -> b.mailbox(p.getMailbox()));
        secret(p.getPasswordFile() != null, p.getPassword() != null, "password");
        if (p.getPasswordFile() != null) {
            Props.apply(P + "password-file", p.getPasswordFile(), "a readable file holding the mailbox password",
                    "Correct the path.", () -> b.passwordFile(p.getPasswordFile()));
        } else {
            Props.apply(P + "password", SECRET, "a non-empty password", "Set it.", () -> b.password(p.getPassword().toCharArray()));
        }
        secret(p.getSharedKeyFile() != null, p.getSharedKey() != null, "shared-key");
        if (p.getSharedKeyFile() != null) {
            Props.apply(P + "shared-key-file", p.getSharedKeyFile(), "a readable file holding the shared key",
                    "Correct the path.", () -> b.sharedKeyFile(p.getSharedKeyFile()));
        } else {
            Props.apply(P + "shared-key", SECRET, "a non-empty shared key", "Set it.",
                    () -> b.sharedKey(p.getSharedKey().toCharArray()));
        }
        Props.apply(P + "connect-timeout", p.getConnectTimeout(), RANGE, "Set it to 10s, say.",
                () -> b.connectTimeout(p.getConnectTimeout()));
        Props.apply(P + "handshake-timeout", p.getHandshakeTimeout(), RANGE, "Set it to 10s, say.",
                () -> b.handshakeTimeout(p.getHandshakeTimeout()));
        Props.apply(P + "response-timeout", p.getResponseTimeout(), RANGE, "Set it to 60s, say.",
                () -> b.responseTimeout(p.getResponseTimeout()));
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
