package io.spinekit.messaging.store;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.AccreditedSystem;
import io.spinekit.ldap.AlwaysOrNever;
import io.spinekit.ldap.Authentication;
import io.spinekit.ldap.MhsRecord;
import io.spinekit.ldap.Reliability;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.SyncReplyMode;
import io.spinekit.testpki.IssuedCertificate;
import io.spinekit.testpki.TestPki;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A reliable route to a fake MHS, built as SDS would give it, and the TLS files a child JVM reads. */
final class TestRoutes {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final String PARTY_KEY = "X26-823848";
    static final String CPA_ID = "S20001A000182";
    static final byte[] PAYLOAD = "<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"><name>Zoë 😀</name></REPC_IN150016UK05>"
            .getBytes(StandardCharsets.UTF_8);

    private TestRoutes() {
    }

    /** Reliable, ack requested of the to-party MSH, the given retries, interval and persist duration. */
    static Route reliable(URI endpoint, int retries, Duration interval, Duration persist) {
        Reliability r = new Reliability(Optional.of(persist), Optional.of(interval), Optional.of(retries),
                Optional.of(AlwaysOrNever.ALWAYS), Optional.of(AlwaysOrNever.ALWAYS),
                Optional.of(SyncReplyMode.MSH_SIGNALS_ONLY), Optional.empty());
        InteractionId interaction = InteractionId.of(PSIS);
        OdsCode ods = OdsCode.of("X26");
        MhsRecord mhs = new MhsRecord("uniqueIdentifier=S918999198738,ou=Services,o=nhs", "S918999198738", ods,
                PartyKey.of(PARTY_KEY), interaction, "urn:nhs:names:services:psis", "REPC_IN150016UK05", endpoint,
                "localhost", CPA_ID, Optional.of(Authentication.NONE), Optional.empty(), Optional.empty(), r,
                Optional.of(LocalDateTime.of(2026, 1, 1, 0, 0)));
        AccreditedSystem as = new AccreditedSystem("uniqueIdentifier=918999198738,ou=Services,o=nhs",
                Asid.of("918999198738"), ods, PartyKey.of(PARTY_KEY), List.of(interaction), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(LocalDateTime.of(2026, 1, 1, 0, 0)),
                List.of());
        return new Route(ods, interaction, endpoint, "localhost", PartyKey.of(PARTY_KEY), Asid.of("918999198738"),
                CPA_ID, "urn:nhs:names:services:psis", "REPC_IN150016UK05", r, Optional.of(Authentication.NONE), mhs, as,
                Optional.empty());
    }

    /** Writes {@code trust.pem} and {@code client.crt}/{@code client.key} (a client certificate of the PKI). */
    static Path writeTls(TestPki pki, Path dir) {
        try {
            Files.writeString(dir.resolve("trust.pem"), pki.rootPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IssuedCertificate client = pki.certificate("client.store.spinekit.test").clientAuth().issue();
        client.writePem(dir, "client");
        return dir;
    }

    /** The TLS context of the files {@link #writeTls} wrote. */
    static SpineTlsContext readTls(Path dir) {
        return SpineTlsContext.builder().trustPem(dir.resolve("trust.pem"))
                .clientIdentityPem(dir.resolve("client.crt"), dir.resolve("client.key")).build();
    }
}
