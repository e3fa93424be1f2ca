package io.spinekit.it.messaging;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.ldap.Route;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.InMemoryMessageStore;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeMhs;
import io.spinekit.testkit.MhsFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The pieces a messaging test needs: SDS entries pointing at a fake MHS, a route, a client. */
final class MessagingWorld {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final OdsCode X26 = OdsCode.of("X26");
    static final PartyKey US = PartyKey.of("X99-123456");
    static final byte[] PAYLOAD = "<REPC_IN150016UK05 xmlns=\"urn:hl7-org:v3\"><name>Zoë 😀</name></REPC_IN150016UK05>"
            .getBytes(StandardCharsets.UTF_8);

    private MessagingWorld() {
    }

    /** A reliable X26 entry: retries 2, interval 100 ms, persist 5 minutes. */
    static void addReliable(EmbeddedSds sds, FakeMhs mhs) {
        add(sds, mhs, "PT5M", "2", "PT0.1S", "always", "always", "MSHSignalsOnly",
                "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
    }

    static void add(EmbeddedSds sds, FakeMhs mhs, String persist, String retries, String interval, String ack,
            String dedup, String syncReply, String actor) {
        MhsFixture entry = mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848")
                .endpoint(mhs.endpoint("/reliablemessaging/reliablerequest").toString()).fqdn("localhost")
                .cpaId("S20001A000182").names("urn:nhs:names:services:psis", "REPC_IN150016UK05");
        set(entry, "nhsMhsPersistDuration", persist);
        set(entry, "nhsMhsRetries", retries);
        set(entry, "nhsMhsRetryInterval", interval);
        set(entry, "nhsMhsAckRequested", ack);
        set(entry, "nhsMhsDuplicateElimination", dedup);
        set(entry, "nhsMhsSyncReplyMode", syncReply);
        set(entry, "nhsMhsActor", actor);
        sds.addMhs(entry);
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
    }

    private static void set(MhsFixture entry, String name, String value) {
        if (value != null) {
            entry.attribute(name, value);
        }
    }

    static Route route(SdsClient client) {
        return client.route(X26, InteractionId.of(PSIS)).orElseThrow();
    }

    static SpineMessaging.Builder client(EmbeddedSds sds) {
        // in memory on purpose: these tests check the protocol, spine-message-store's the durable store
        return SpineMessaging.builder().tls(sds.tlsContext()).fromPartyKey(US).store(new InMemoryMessageStore())
                .connectTimeout(Duration.ofSeconds(2)).handshakeTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5)).transportRetryDelay(Duration.ofMillis(20));
    }
}
