package io.spinekit.examples;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.SpineEnvironment;
import io.spinekit.ldap.RouteResult;
import io.spinekit.ldap.SdsClient;
import io.spinekit.tls.SpineTlsContext;
import java.nio.file.Path;

/**
 * Resolve where to send an interaction for an organisation: the MHS endpoint, party key, ASID and
 * reliability, from the Spine Directory Service over LDAPS with your endpoint certificate.
 *
 * <pre>
 * java io.spinekit.examples.ResolveRoute INTEGRATION X26 urn:nhs:names:services:psis:REPC_IN150016UK05 endpoint.crt endpoint.key
 * </pre>
 */
public final class ResolveRoute {
    private ResolveRoute() {
    }

    /**
     * The task itself: one look-up, with the two outcomes handled.
     *
     * @param sds a client for the environment
     * @param ods the organisation's ODS code
     * @param interaction the interaction id
     * @return a line describing the route, or why there is none
     */
    public static String describeRoute(SdsClient sds, String ods, String interaction) {
        RouteResult result = sds.route(OdsCode.of(ods), InteractionId.of(interaction));
        if (result instanceof RouteResult.Found found) {
            var route = found.route();
            return "send to " + route.endpoint() + " as party " + route.partyKey() + ", ASID " + route.asid()
                    + ", reliable: " + route.reliability().reliable();
        }
        return "no route: " + ((RouteResult.NotFound) result).message();
    }

    /**
     * Resolves against a real environment.
     *
     * @param args ENV ODS INTERACTION CERT KEY
     */
    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ResolveRoute ENV ODS INTERACTION CERT.pem KEY.pem");
            System.exit(2);
        }
        SpineEnvironment env = SpineEnvironment.parse(args[0]);
        SpineTlsContext tls = SpineTlsContext.builder()
                .environment(env)                                        // the environment's NHS CA chain
                .clientIdentityPem(Path.of(args[3]), Path.of(args[4]))   // your endpoint certificate and key
                .build();
        try (SdsClient sds = SdsClient.builder().environment(env).tls(tls).build()) {
            System.out.println(describeRoute(sds, args[1], args[2]));
        }
    }
}
