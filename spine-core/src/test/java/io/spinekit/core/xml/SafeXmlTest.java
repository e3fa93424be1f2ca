package io.spinekit.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {
    private static final String CANARY = "canary-7f3e9b2a-secret-file-content";
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static HttpServer canaryServer;

    @BeforeAll
    static void startCanary() throws Exception {
        canaryServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        canaryServer.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + CANARY + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        canaryServer.start();
    }

    @AfterAll
    static void stopCanary() {
        canaryServer.stop(0);
    }

    private static int port() {
        return canaryServer.getAddress().getPort();
    }

    private static XmlException refused(String xml, XmlLimits limits) {
        return assertThrows(XmlException.class,
                () -> SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8), limits, "test document"));
    }

    private static XmlException refused(String xml) {
        return refused(xml, XmlLimits.DEFAULT);
    }

    @Test
    void readsElementsAttributesTextAndNamespaces() {
        XmlElement root = SafeXml.parse("<?xml version=\"1.0\"?><a:r xmlns:a=\"urn:a\" x=\"1\"><a:c>one &amp; &#65;"
                + "</a:c><d xmlns=\"urn:d\" a:y=\"2\"><![CDATA[<raw>]]></d><!-- note --></a:r>", XmlLimits.DEFAULT, "doc");

        assertThat(root.is("urn:a", "r")).isTrue();
        assertThat(root.attribute("x")).contains("1");
        assertThat(root.children()).hasSize(2);
        assertThat(root.child("urn:a", "c").orElseThrow().text()).isEqualTo("one & A");
        XmlElement d = root.child("urn:d", "d").orElseThrow();
        assertThat(d.text()).isEqualTo("<raw>");
        assertThat(d.attributes()).isEqualTo(java.util.Map.of("{urn:a}y", "2"));
        assertThat(d.resolvePrefix("a:Success")).contains("urn:a");
        assertThat(d.resolvePrefix("Success")).contains("urn:d");
        assertThat(root.toString()).isEqualTo("<{urn:a}r>");
    }

    @Test
    void externalFileEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), CANARY);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>&x;</r>";

        XmlException e = refused(xxe);

        assertThat(e.reason()).isEqualTo(XmlException.Reason.REFUSED);
        assertThat(e.getMessage()).contains("document type declaration").doesNotContain(CANARY);
    }

    @Test
    void externalHttpEntityIsRefusedAndNoRequestIsMade() {
        String url = "http://127.0.0.1:" + port() + "/xxe";
        String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + url + "\">]><r>&x;</r>";

        assertThat(refused(xxe).reason()).isEqualTo(XmlException.Reason.REFUSED);
        assertThat(REQUESTS.get()).isZero();
    }

    @Test
    void externalDtdAndParameterEntitiesAreRefusedAndNothingIsFetched() {
        String base = "http://127.0.0.1:" + port();
        String externalDtd = "<!DOCTYPE r SYSTEM \"" + base + "/evil.dtd\"><r>&leak;</r>";
        String parameterEntity = "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p;]><r/>";

        assertThat(refused(externalDtd).reason()).isEqualTo(XmlException.Reason.REFUSED);
        assertThat(refused(parameterEntity).reason()).isEqualTo(XmlException.Reason.REFUSED);
        assertThat(REQUESTS.get()).isZero();
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "lol" : "lol" + (i - 1);
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">");
        }
        String bomb = dtd + "]><lolz>&lol9;</lolz>";

        XmlException e = refused(bomb);

        assertThat(e.reason()).isEqualTo(XmlException.Reason.REFUSED);
        assertThat(e.getMessage()).contains("DTDs are never processed");
    }

    @Test
    void undeclaredEntityReferenceIsRefusedInTextAndAttributes() {
        for (String doc : List.of("<r>&foo;</r>", "<r a=\"&foo;\"/>")) {
            XmlException e = refused(doc);
            assertThat(e.reason()).as(doc).isEqualTo(XmlException.Reason.MALFORMED);
            assertThat(e.getMessage()).as(doc).startsWith("test document is not well-formed XML: ")
                    .contains("The entity \"foo\" was referenced, but not declared");
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedAndTheLimitItselfIsAccepted() {
        XmlLimits limits = XmlLimits.DEFAULT.withMaxDepth(32);
        String atLimit = "<e>".repeat(32) + "</e>".repeat(32);
        String tooDeep = "<e>".repeat(33) + "</e>".repeat(33);
        String veryDeep = "<e>".repeat(100_000) + "</e>".repeat(100_000);

        assertThat(SafeXml.parse(atLimit, limits, "doc").localName()).isEqualTo("e");
        XmlException e = refused(tooDeep, limits);
        assertThat(e.reason()).isEqualTo(XmlException.Reason.REFUSED);
        assertThat(e.getMessage()).contains("nested deeper than 32 levels (XmlLimits.maxDepth)");
        assertThat(refused(veryDeep, XmlLimits.DEFAULT.withMaxBytes(2_000_000)).reason())
                .isEqualTo(XmlException.Reason.REFUSED);
    }

    @Test
    void oversizedDocumentIsRefusedBeforeParsing() {
        String big = "<r>" + "x".repeat(2000) + "</r>";

        XmlException e = refused(big, XmlLimits.DEFAULT.withMaxBytes(1000));

        assertThat(e.reason()).isEqualTo(XmlException.Reason.REFUSED);
        assertThat(e.getMessage()).isEqualTo("test document is 2007 bytes: larger than the limit of 1000 bytes "
                + "(XmlLimits.maxBytes)");
    }

    @Test
    void tooManyElementsAttributesOrTooMuchTextIsRefused() {
        XmlLimits small = new XmlLimits(1_000_000, 32, 100, 3, 50);

        assertThat(refused("<r>" + "<e/>".repeat(100) + "</r>", small).getMessage())
                .contains("more than 100 elements");
        assertThat(refused("<r a=\"1\" b=\"2\" c=\"3\" d=\"4\"/>", small).getMessage())
                .contains("has 4 attributes, more than 3");
        assertThat(refused("<r>" + "x".repeat(51) + "</r>", small).getMessage())
                .contains("more than 50 characters of text");
        assertThat(SafeXml.parse("<r a=\"1\" b=\"2\" c=\"3\">" + "x".repeat(50) + "</r>", small, "doc").text())
                .hasSize(50);
    }

    @Test
    void textInSeveralPiecesIsJoinedInOrderAndCountedWholeAgainstTheLimit() {
        XmlElement r = SafeXml.parse("<r>one<!-- c -->two<c/>thr&#233;e<![CDATA[ <4> ]]>f\u00fcnf</r>", XmlLimits.DEFAULT,
                "doc");
        assertThat(r.text()).isEqualTo("onetwothr\u00e9e <4> f\u00fcnf");
        assertThat(r.children()).hasSize(1);
        assertThat(r.child("", "c").orElseThrow().text()).isEmpty();
        assertThat(SafeXml.parse("<r><e/></r>", XmlLimits.DEFAULT, "doc").child("", "e").orElseThrow().attributes())
                .isEmpty();

        XmlLimits small = new XmlLimits(1_000_000, 32, 100, 3, 50);
        assertThat(refused("<r>" + "x".repeat(30) + "<!-- c -->" + "y".repeat(21) + "</r>", small).getMessage())
                .contains("more than 50 characters of text");
        assertThat(SafeXml.parse("<r>" + "x".repeat(30) + "<!-- c -->" + "y".repeat(20) + "</r>", small, "doc").text())
                .isEqualTo("x".repeat(30) + "y".repeat(20));
    }

    @Test
    void malformedXmlIsAClearMalformedError() {
        for (String bad : List.of("<r>", "<r></s>", "not xml", "<r a=1/>")) {
            XmlException e = refused(bad);
            assertThat(e.reason()).as(bad).isEqualTo(XmlException.Reason.MALFORMED);
            assertThat(e.getMessage()).as(bad).startsWith("test document is not well-formed XML: ");
        }
        assertThat(refused("").getMessage()).isEqualTo("test document is empty: expected an XML document");
    }

    @Test
    void aReusedReaderIsAsStrictAfterRefusedAndMalformedDocumentsAndKeepsNoOldState() {
        String good = "<a:r xmlns:a=\"urn:a\" x=\"1\"><a:c>one</a:c></a:r>";
        List<String> bad = List.of("<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>", "<r>&foo;</r>", "<r><s></r>",
                "<e>".repeat(40) + "</e>".repeat(40), "<r>" + "<i/>".repeat(20_001) + "</r>");
        for (int round = 0; round < 3; round++) {
            for (String doc : bad) {
                assertThat(refused(doc).getMessage()).as(doc).startsWith("test document ");
                XmlElement root = SafeXml.parse(good.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT, "doc");
                assertThat(root.is("urn:a", "r")).isTrue();
                assertThat(root.attributes()).isEqualTo(java.util.Map.of("x", "1"));
                assertThat(root.children()).hasSize(1);
                assertThat(SafeXml.parse("<plain/>", XmlLimits.DEFAULT, "doc").namespace()).isEmpty();
            }
        }
        assertThat(refused(bad.get(0)).getMessage()).contains("document type declaration");
    }

    @Test
    void threadsParseConcurrentlyWithTheirOwnReaders() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int n = t;
                results.add(pool.submit(() -> {
                    StringBuilder seen = new StringBuilder();
                    for (int i = 0; i < 2_000; i++) {
                        String doc = "<r" + n + " i=\"" + i + "\"><c>" + n + "-" + i + "</c></r" + n + ">";
                        XmlElement root = SafeXml.parse(doc, XmlLimits.DEFAULT, "doc");
                        if (!root.localName().equals("r" + n) || !root.attribute("i").orElseThrow().equals("" + i)
                                || !root.children().get(0).text().equals(n + "-" + i)) {
                            seen.append("wrong: ").append(root).append('\n');
                        }
                    }
                    return seen.toString();
                }));
            }
            for (java.util.concurrent.Future<String> r : results) {
                assertThat(r.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nonPositiveLimitsAreAConfigurationError() {
        XmlException e = assertThrows(XmlException.class, () -> XmlLimits.DEFAULT.withMaxDepth(0));

        assertThat(e.reason()).isEqualTo(XmlException.Reason.CONFIGURATION);
        assertThat(e.getMessage()).isEqualTo("XmlLimits.maxDepth is 0: expected a positive number");
    }
}
