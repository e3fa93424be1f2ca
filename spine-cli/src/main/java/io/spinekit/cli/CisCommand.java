package io.spinekit.cli;

import io.spinekit.cis.Cis2Issuer;
import io.spinekit.cis.CisClient;
import io.spinekit.cis.CisException;
import io.spinekit.cis.CisUrls;
import io.spinekit.cis.OidcDiscovery;
import io.spinekit.cis.RoleAssertion;
import io.spinekit.cis.RoleProfile;
import io.spinekit.cis.SsoTicket;
import io.spinekit.env.CatalogException;
import io.spinekit.env.EnvironmentProfile;
import io.spinekit.env.SpineCatalog;
import io.spinekit.core.BoundedFiles;
import io.spinekit.core.FileReadException;
import io.spinekit.tls.SpineTlsContext;
import io.spinekit.tls.TlsConfigurationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spine cis}: Care Identity Service: URLs, role assertions, CIS2 discovery. */
@Command(name = "cis", mixinStandardHelpOptions = true,
        description = "Care Identity Service: URLs, role assertions, CIS2 discovery.",
        subcommands = {CisCommand.UrlsCommand.class, CisCommand.RoleAssertionCommand.class,
                CisCommand.DiscoveryCommand.class})
final class CisCommand {
    private CisCommand() {
    }

    /** Where to go: an environment from the catalog or one URL. */
    static final class Target {
        @Option(names = "--env", paramLabel = "ENV", required = true,
                description = "Environment: development, integration, deployment, live (or dev, int, dep) or a custom one.")
        String env;

        @Option(names = "--url", paramLabel = "URL", required = true, description = "The endpoint URL to use instead.")
        URI url;
    }

    /** The response timeout without {@code --timeout}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Runs a body; failures go to the {@link ErrorHandler}. */
    static int run(CommandSpec spec, boolean json, Callable<Integer> body) {
        try {
            return body.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw CliException.failure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@code spine cis urls ENV}. */
    @Command(name = "urls", mixinStandardHelpOptions = true,
            description = "Show an environment's CIS URLs (GAS, sbapi, CIS2) and where each comes from.")
    static final class UrlsCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ENV", description = "Environment name (development, int, Live, or a custom one).")
        String env;

        @Mixin
        CommonMixin common;

        @Override
        public Integer call() {
            return run(spec, common.json, () -> {
                EnvironmentProfile profile = common.profile(env);
                CisUrls urls = CisUrls.of(profile);
                URI discovery = urls.find(CisUrls.CIS2_ISSUER).map(u -> new Cis2Issuer(u).discoveryUrl()).orElse(null);
                if (common.json) {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (CisUrls.Entry e : urls.entries()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("key", e.key());
                        m.put("description", e.description());
                        m.put("url", e.url().map(URI::toString).orElse(null));
                        m.put("provenance", e.provenance().orElse(null));
                        m.put(e.url().isPresent() ? "source" : "howToSupply", e.source());
                        list.add(m);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("environment", profile.name());
                    out.put("urls", list);
                    out.put("discoveryUrl", discovery == null ? null : discovery.toString());
                    out.put("roleAssertionRequest", urls.find(CisUrls.ROLE_ASSERTION)
                            .map(u -> u + "?token=<url-encoded SSO ticket>").orElse(null));
                    out.put("roleSelectionRequest", urls.find(CisUrls.ROLE_SELECTION)
                            .map(u -> u + "?token=<url-encoded SSO ticket>&selectedRoleUid=<role profile UID>")
                            .orElse(null));
                    Cli.printJson(spec, out);
                    return Cli.OK;
                }
                PrintWriter out = Cli.out(spec);
                out.println("CIS URLs for " + profile.name());
                for (CisUrls.Entry e : urls.entries()) {
                    out.printf("  %-24s %s%n", e.key(), e.url().map(u -> u + "  (" + e.provenance().orElse("") + ")")
                            .orElse("absent"));
                    if (e.url().isEmpty()) {
                        out.println("  " + " ".repeat(24) + " " + e.source());
                    }
                }
                out.printf("  %-24s %s%n", "discovery", discovery == null ? "absent (needs cis2.issuer)" : discovery);
                out.flush();
                return Cli.OK;
            });
        }
    }

    /** {@code --overrides} and {@code --json}, shared by every subcommand. */
    static final class CommonMixin extends JsonOption {
        @Option(names = "--overrides", paramLabel = "FILE",
                description = "Overrides file of spinekit.<env>.<key>=<value> lines (system properties and SPINEKIT_* variables apply too).")
        Path overrides;

        EnvironmentProfile profile(String name) {
            SpineCatalog catalog;
            try {
                SpineCatalog.Builder b = SpineCatalog.builder();
                if (overrides != null) {
                    b.overridesFile(overrides);
                }
                catalog = b.systemProperties(System.getProperties()).environmentVariables(System.getenv()).build();
                return catalog.profile(name);
            } catch (CatalogException e) {
                throw CliException.usage(e.getMessage());
            }
        }
    }

    /** {@code spine cis role-assertion}. */
    @Command(name = "role-assertion", mixinStandardHelpOptions = true,
            description = "Ask the RoleAssertion endpoint for an SSO ticket's role assertion over mutual TLS and show it.")
    static final class RoleAssertionCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--token-file", paramLabel = "FILE", required = true,
                description = "File holding the SSO ticket (kept out of the command line and shell history).")
        Path tokenFile;

        @Mixin
        ClientTlsOptions tlsOptions;

        @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "5", converter = Bounded.Seconds.class,
                description = "Connect timeout in seconds, " + Bounded.Seconds.RANGE + " (default ${DEFAULT-VALUE}).")
        Duration connectTimeout;

        @Mixin
        TimeoutOption timeout;

        @Mixin
        CommonMixin common;

        @Override
        public Integer call() {
            return run(spec, common.json, () -> {
                tlsOptions.requireUsable();
                SsoTicket ticket = readTicket(tokenFile);
                CisUrls urls;
                EnvironmentProfile profile = null;
                if (target.env != null) {
                    profile = common.profile(target.env);
                    urls = CisUrls.of(profile);
                } else {
                    urls = CisUrls.builder("url").url(CisUrls.ROLE_ASSERTION, target.url).build();
                }
                EnvironmentProfile trustProfile = profile;
                SpineTlsContext tls = Cli.input(ClientTlsOptions.HINT, () -> tlsOptions.builder(trustProfile).orElseThrow(() ->
                        CliException.usage("--url needs --trust PEM: which CA certificates to trust for " + target.url))
                        .build());
                try (CisClient client = CisClient.builder().urls(urls).spineTls(tls)
                        .connectTimeout(connectTimeout)
                        .responseTimeout(timeout.orElse(DEFAULT_TIMEOUT)).build()) {
                    URI endpoint = urls.roleAssertionEndpoint();
                    RoleAssertion a = client.roleAssertion(ticket);
                    print(a, endpoint);
                    return Cli.OK;
                }
            });
        }

        private void print(RoleAssertion a, URI endpoint) {
            if (common.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("endpoint", endpoint.toString());
                out.put("assertion", a);
                out.put("selectedRole", a.selectedRole().orElse(null));
                Cli.printJson(spec, out);
                return;
            }
            PrintWriter out = Cli.out(spec);
            out.println("Role assertion from " + endpoint);
            out.println("  user            " + a.userName() + " (uid " + a.userUid() + ")");
            out.println("  session role    " + a.sessionRoleUid() + a.selectedRole().map(p -> " " + describe(p)).orElse(
                    " (not among the role profiles)"));
            out.println("  mode            " + a.mode().map(m -> m.name().toLowerCase(java.util.Locale.ROOT))
                    .orElse("not stated"));
            out.println("  valid           " + a.validity().notBefore() + " to " + a.validity().notOnOrAfter());
            out.println("  role profiles   " + a.roleProfiles().size());
            for (RoleProfile p : a.roleProfiles()) {
                out.println("    " + p.uniqueIdentifier() + (p.uniqueIdentifier().equals(a.sessionRoleUid()) ? " *" : "  ")
                        + " " + describe(p));
                if (!p.businessFunctionCodes().isEmpty()) {
                    out.println("      business functions " + String.join(", ", p.businessFunctionCodes()));
                }
            }
            out.flush();
        }

        private static String describe(RoleProfile p) {
            return p.orgCode() + p.orgName().map(n -> " " + n).orElse("") + ": "
                    + p.jobRoleName().orElse("(no job role)") + p.roleCode().map(c -> " [" + c + "]").orElse("");
        }

        private static SsoTicket readTicket(Path file) {
            String text;
            try {
                text = BoundedFiles.readString(file, SsoTicket.MAX_LENGTH + 16L, "--token-file");
            } catch (FileReadException e) {
                throw CliException.usage("cannot read --token-file: " + e.getMessage()
                        + (e.reason() == FileReadException.Reason.TOO_LARGE
                                ? " (expected a file holding just the SSO ticket)" : ""), e);
            }
            try {
                return SsoTicket.of(text);
            } catch (CisException e) {
                throw CliException.usage("--token-file " + file + ": " + e.getMessage());
            }
        }
    }

    /** {@code spine cis discovery}. */
    @Command(name = "discovery", mixinStandardHelpOptions = true,
            description = "Fetch and check an environment's CIS2 OpenID Connect discovery document.")
    static final class DiscoveryCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--trust", paramLabel = "PEM",
                description = "CA certificates to trust (PEM). Default: the JVM's public CAs (CIS2 hosts use public CAs).")
        Path trust;

        @Mixin
        TimeoutOption timeout;

        @Mixin
        CommonMixin common;

        @Override
        public Integer call() {
            return run(spec, common.json, () -> {
                Cis2Issuer issuer;
                URI discoveryUrl;
                CisUrls urls;
                if (target.env != null) {
                    urls = CisUrls.of(common.profile(target.env));
                    issuer = urls.cis2Issuer();
                    discoveryUrl = issuer.discoveryUrl();
                } else {
                    String u = target.url.toString();
                    if (u.endsWith(Cis2Issuer.DISCOVERY_PATH)) {
                        issuer = Cis2Issuer.of(u.substring(0, u.length() - Cis2Issuer.DISCOVERY_PATH.length()));
                        discoveryUrl = target.url;
                    } else {
                        issuer = Cis2Issuer.of(u);
                        discoveryUrl = issuer.discoveryUrl();
                    }
                    urls = CisUrls.builder("url").url(CisUrls.CIS2_ISSUER, issuer.uri()).build();
                }
                SpineTlsContext tls = trust != null ? SpineTlsContext.builder().trustPem(trust).build()
                        : SpineTlsContext.builder().addJvmDefaultTrust().build();
                try (CisClient client = CisClient.builder().urls(urls).cis2Tls(tls)
                        .responseTimeout(timeout.orElse(DEFAULT_TIMEOUT)).build()) {
                    OidcDiscovery d = client.discovery(discoveryUrl, issuer);
                    print(d, discoveryUrl);
                    return Cli.OK;
                }
            });
        }

        private void print(OidcDiscovery d, URI url) {
            if (common.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("discoveryUrl", url.toString());
                out.put("discovery", d);
                Cli.printJson(spec, out);
                return;
            }
            PrintWriter out = Cli.out(spec);
            out.println("CIS2 discovery " + url);
            out.println("  issuer                 " + d.issuer());
            out.println("  authorization_endpoint " + d.authorizationEndpoint());
            d.tokenEndpoint().ifPresent(u -> out.println("  token_endpoint         " + u));
            d.userinfoEndpoint().ifPresent(u -> out.println("  userinfo_endpoint      " + u));
            d.endSessionEndpoint().ifPresent(u -> out.println("  end_session_endpoint   " + u));
            out.println("  jwks_uri               " + d.jwksUri());
            out.println("  scopes                 " + String.join(" ", d.scopesSupported()));
            out.println("  claims                 " + String.join(" ", d.claimsSupported()));
            out.println("  id token algorithms    " + String.join(" ", d.idTokenSigningAlgValuesSupported()));
            out.flush();
        }
    }
}
