package io.spinekit.examples;

import io.spinekit.core.BoundedFiles;
import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.SdsClient;
import io.spinekit.messaging.MessageStore;
import io.spinekit.messaging.OutboundMessage;
import io.spinekit.messaging.SendOutcome;
import io.spinekit.messaging.SpineMessaging;
import io.spinekit.messaging.store.JdbcMessageStore;
import io.spinekit.tls.SpineTlsContext;
import java.nio.file.Path;

/**
 * Send an HL7 interaction to an organisation: the route from SDS, the workflow and the ebXML
 * header flags from the route, the message committed to a durable store before it is sent, the
 * acknowledgement (or error, fault, failure) as a typed outcome.
 *
 * <pre>
 * java io.spinekit.examples.SendMessage INTEGRATION X26 urn:nhs:names:services:psis:REPC_IN150016UK05 \
 *     endpoint.crt endpoint.key X99-123456 200000000001 message.xml /var/lib/mhs/messages
 * </pre>
 */
public final class SendMessage {
    private SendMessage() {
    }

    /**
     * Resolves the route for the organisation and interaction, sends the payload and describes the
     * outcome. A reliable message is committed to {@code store} first, so it survives a restart.
     *
     * @param sds the SDS client (routes are cached)
     * @param tls the mutual TLS context (your endpoint certificate; the Spine trust)
     * @param store where reliable messages are kept until acknowledged
     * @param fromPartyKey your MHS party key
     * @param fromAsid your ASID
     * @param ods the organisation
     * @param interaction the interaction id
     * @param hl7 the HL7 payload
     * @return one line: the outcome, workflow, attempts and message id, or what went wrong
     */
    public static String send(SdsClient sds, SpineTlsContext tls, MessageStore store, String fromPartyKey,
            String fromAsid, String ods, String interaction, byte[] hl7) {
        try (SpineMessaging messaging = SpineMessaging.builder().tls(tls)
                .fromPartyKey(PartyKey.of(fromPartyKey)).fromAsid(Asid.of(fromAsid))
                .store(store).routeResolver(sds::route).build()) {
            SendOutcome out = messaging.send(OdsCode.of(ods), InteractionId.of(interaction), OutboundMessage.of(hl7));
            String line = out.outcome() + " (" + out.workflow() + ", " + out.attempts() + " attempt(s)) message "
                    + out.messageId();
            return switch (out.outcome()) {
                case MESSAGE_ERROR -> line + ": " + out.ebxmlErrors();
                case SOAP_FAULT -> line + ": " + out.faultErrors();
                case FAILED -> line + ": " + out.failure().map(Enum::name).orElse("") + " " + out.failureDetail();
                default -> line;
            };
        }
    }

    /**
     * Runs the example.
     *
     * @param args environment, ODS code, interaction id, certificate PEM, key PEM, party key, ASID,
     *     payload file, store directory
     */
    public static void main(String[] args) {
        if (args.length != 9) {
            System.err.println("usage: SendMessage ENV ODS INTERACTION CERT KEY PARTY_KEY ASID PAYLOAD STORE_DIR");
            System.exit(2);
        }
        SpineEnvironment env = SpineEnvironment.parse(args[0]);
        SpineTlsContext tls = SpineTlsContext.builder().environment(env)
                .clientIdentityPem(Path.of(args[3]), Path.of(args[4])).build();
        byte[] payload = BoundedFiles.read(Path.of(args[7]), 5_242_880, "HL7 payload");   // Spine's size limit
        try (SdsClient sds = SdsClient.builder().environment(env).tls(tls).build();
             JdbcMessageStore store = JdbcMessageStore.h2File(Path.of(args[8]).resolve("messages"))) {
            System.out.println(send(sds, tls, store, args[5], args[6], args[1], args[2], payload));
        }
    }
}
