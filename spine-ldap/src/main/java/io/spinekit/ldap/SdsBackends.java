package io.spinekit.ldap;

import io.spinekit.ldap.internal.SdsBackend;
import io.spinekit.ldap.internal.SdsValues;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the back-end an {@link SdsClient.Builder} chose, and checks its settings. */
final class SdsBackends {
    private static final Logger LOG = LoggerFactory.getLogger(SdsClient.class);

    private SdsBackends() {
    }

    static SdsBackend open(SdsClient.Builder b) {
        if (b.fhir != null) {
            return b.fhir.open(b.profileFhirUrl, b.environmentName);
        }
        List<String> chosen = b.urls.isEmpty() ? b.profileUrls : b.urls;
        if (chosen.isEmpty()) {
            throw new SdsLookupException("No SDS server" + (b.environmentName == null ? ""
                    : " for environment " + b.environmentName + " (nothing publishes its ldap.url)") + ": "
                    + b.missingUrlHint);
        }
        if (chosen == b.profileUrls && b.profileUrlFact != null && b.profileUrlFact.inferred()) {
            LOG.warn("SDS URL {} for environment {} is inferred, not published ({}); override ldap.url if it is"
                    + " wrong", b.profileUrlFact.value(), b.environmentName, b.profileUrlFact.source());
        }
        SdsDirectory directory = SdsDirectory.open(chosen, b.allowPlainLdap, b.tls, new SdsDirectory.Settings(
                b.connectTimeout, b.responseTimeout, b.maxConnections, b.healthCheckInterval, b.failbackAfter,
                b.maxResults));
        return new LdapBackend(directory, b.searchBase);
    }

    static Duration positive(Duration d, String name) {
        return SdsValues.positive(d, name);
    }

    static Duration notNegative(Duration d, String name) {
        return SdsValues.notNegative(d, name);
    }
}
