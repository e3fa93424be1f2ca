package io.spinekit.examples;

import io.spinekit.env.SpineEnvironment;
import io.spinekit.tls.SpineTlsContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Build a mutual TLS context for an environment and call an endpoint with Apache HttpClient 5.
 *
 * <pre>
 * java io.spinekit.examples.CallEndpoint INTEGRATION https://msg.int.spine2.ncrs.nhs.uk/sync-service endpoint.crt endpoint.key message.xml
 * </pre>
 */
public final class CallEndpoint {
    private CallEndpoint() {
    }

    /**
     * An HttpClient 5 client that presents the context's client certificate, trusts only its trust
     * and checks host names (CN fallback for NHS certificates without subjectAltName).
     *
     * @param tls the TLS context
     * @return a new client; close it when done
     */
    public static CloseableHttpClient httpClient(SpineTlsContext tls) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(tls.httpClientTlsStrategy())
                        .build())
                .build();
    }

    /**
     * Posts an XML body and returns the status line and body.
     *
     * @param http the client
     * @param endpoint the URL
     * @param soapAction the SOAPAction header, such as {@code urn:nhs:names:services:pds/QUPA_IN000008UK02}
     * @param xml the message
     * @return "HTTP code: body"
     * @throws IOException when the call fails
     */
    public static String post(CloseableHttpClient http, URI endpoint, String soapAction, String xml) throws IOException {
        HttpPost post = new HttpPost(endpoint);
        post.setHeader("SOAPAction", soapAction);
        post.setEntity(new StringEntity(xml, ContentType.TEXT_XML));
        return http.execute(post, response -> "HTTP " + response.getCode() + ": " + EntityUtils.toString(response.getEntity()));
    }

    /**
     * Calls a real endpoint.
     *
     * @param args ENV URL CERT KEY MESSAGE-FILE
     * @throws IOException when the call fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: CallEndpoint ENV URL CERT.pem KEY.pem MESSAGE.xml");
            System.exit(2);
        }
        SpineTlsContext tls = SpineTlsContext.builder()
                .environment(SpineEnvironment.parse(args[0]))
                .clientIdentityPem(Path.of(args[2]), Path.of(args[3]))
                .build();
        try (CloseableHttpClient http = httpClient(tls)) {
            System.out.println(post(http, URI.create(args[1]), "urn:nhs:names:services:pds/QUPA_IN000008UK02",
                    java.nio.file.Files.readString(Path.of(args[4]))));
        }
    }
}
