package io.spinekit.cis;

import io.spinekit.cis.internal.CisXml;
import io.spinekit.core.Text;
import io.spinekit.core.xml.XmlElement;
import io.spinekit.core.xml.XmlLimits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GAS message as the Identity Agent and GAS exchange them: a {@code gpOBJECT} document of
 * {@code gpPARAM} name/value parameters, posted to {@code /login/authactivate}, {@code /login/authvalidate}
 * and {@code /login/authlogout}.
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <!DOCTYPE USER SYSTEM "gpOBJECT.DTD">
 * <gpOBJECT>
 * <gpPARAM name="service">AUTHENTICATION</gpPARAM>
 * <gpPARAM name="sso_ticket">AQIC5wM2...</gpPARAM>
 * <gpPARAM name="nhsjobrole0" id="555008642106" orgcode="B81012">ORG NAME, "Admin &amp; Clerical":"Admin":"..."</gpPARAM>
 * </gpOBJECT>
 * }</pre>
 *
 * <p>The shape comes from public NHS-adjacent code that speaks to GAS (Identity Agent replacements
 * and their test fixtures); NHS does not publish a schema. Typed views: {@link GasActivationRequest},
 * {@link GasActivationResponse}, {@link GasAuthenticationRequest}, {@link GasAuthenticationResponse},
 * {@link GasLogoutRequest}.
 *
 * <p>Reading is hardened and tolerant of two things real GAS documents do: the
 * {@code <!DOCTYPE USER SYSTEM "...">} line is accepted only in exactly that form (an external
 * identifier, no internal subset) and removed unread, never fetched; and a bare {@code &} that does
 * not start one of the five predefined entities or a character reference (GAS writes
 * {@code "Admin & Clerical"} unescaped) is read as a literal {@code &}. Everything else goes through
 * the hardened parser, so entity declarations, external entities and expansion are impossible.
 *
 * <p>Immutable; {@link #toString()} hides secret values ({@link GasParam#SENSITIVE}).
 */
public final class GasMessage {
    /** The document type line GAS clients send. */
    public static final String DEFAULT_DOCTYPE_SYSTEM_ID = "gpOBJECT.DTD";
    private static final String WHAT = "GAS message";
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s+[A-Za-z_][\\w.:-]*\\s+(?:SYSTEM\\s+(?:\"[^\"<>\\[\\]]*\""
            + "|'[^'<>\\[\\]]*')|PUBLIC\\s+(?:\"[^\"<>\\[\\]]*\"|'[^'<>\\[\\]]*')\\s+(?:\"[^\"<>\\[\\]]*\"|'[^'<>\\[\\]]*'))"
            + "\\s*>");
    private static final Pattern AMPERSAND = Pattern.compile("&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)");

    private final List<GasParam> params;
    private final String doctypeSystemId;

    private GasMessage(List<GasParam> params, String doctypeSystemId) {
        this.params = List.copyOf(params);
        this.doctypeSystemId = doctypeSystemId;
    }

    /**
     * Starts a message.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a message from bytes (UTF-8).
     *
     * @param bytes the document
     * @return the message
     * @throws CisException ({@code MALFORMED}, {@code REJECTED_XML}) saying what is wrong
     */
    public static GasMessage parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > XmlLimits.DEFAULT.maxBytes()) {
            throw new CisException(CisException.Reason.REJECTED_XML, WHAT + " is " + bytes.length
                    + " bytes: larger than the limit of " + XmlLimits.DEFAULT.maxBytes() + " bytes");
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new CisException(CisException.Reason.MALFORMED, WHAT + " is not valid UTF-8", e);
        }
    }

    /**
     * Reads a message from text.
     *
     * @param xml the document
     * @return the message
     * @throws CisException ({@code MALFORMED}, {@code REJECTED_XML}) saying what is wrong
     */
    public static GasMessage parse(String xml) {
        Objects.requireNonNull(xml, "xml");
        String text = xml.startsWith("\ufeff") ? xml.substring(1) : xml;
        String systemId = null;
        int doctype = text.indexOf("<!DOCTYPE");
        if (doctype >= 0) {
            Matcher m = DOCTYPE.matcher(text);
            if (!m.find(doctype) || m.start() != doctype) {
                throw new CisException(CisException.Reason.REJECTED_XML, WHAT + " was refused: its <!DOCTYPE> is not "
                        + "of the form <!DOCTYPE USER SYSTEM \"...\">; internal subsets and entity declarations are "
                        + "never accepted");
            }
            String decl = m.group();
            int q = Math.max(decl.lastIndexOf('"'), decl.lastIndexOf('\''));
            int start = decl.lastIndexOf(decl.charAt(q), q - 1);
            systemId = decl.substring(start + 1, q);
            text = text.substring(0, m.start()) + text.substring(m.end());
            if (text.contains("<!DOCTYPE")) {
                throw new CisException(CisException.Reason.REJECTED_XML, WHAT + " was refused: it has more than one "
                        + "<!DOCTYPE>");
            }
        }
        text = AMPERSAND.matcher(text).replaceAll("&amp;");
        XmlElement root = CisXml.parse(text, XmlLimits.DEFAULT, WHAT);
        if (!root.is("", "gpOBJECT")) {
            throw new CisException(CisException.Reason.MALFORMED, WHAT + " has root " + Text.quote(root.toString())
                    + ": expected <gpOBJECT>");
        }
        List<GasParam> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (XmlElement e : root.children()) {
            if (!e.is("", "gpPARAM")) {
                throw new CisException(CisException.Reason.MALFORMED, WHAT + " has " + Text.quote(e.toString())
                        + " inside <gpOBJECT>: expected only <gpPARAM> elements");
            }
            if (!e.children().isEmpty()) {
                throw new CisException(CisException.Reason.MALFORMED, WHAT + " has elements nested inside a "
                        + "<gpPARAM>: expected text only");
            }
            String name = e.attribute("name").map(String::strip).orElse("");
            if (name.isEmpty()) {
                throw new CisException(CisException.Reason.MALFORMED, WHAT + " has a <gpPARAM> without a name");
            }
            if (!names.add(name)) {
                throw new CisException(CisException.Reason.MALFORMED, WHAT + " has parameter " + Text.quote(name)
                        + " twice: expected each name once");
            }
            Map<String, String> attrs = new LinkedHashMap<>(e.attributes());
            attrs.remove("name");
            params.add(new GasParam(name, attrs, e.trimmedText()));
        }
        return new GasMessage(params, systemId);
    }

    /**
     * Every parameter, in document order.
     *
     * @return the parameters
     */
    public List<GasParam> params() {
        return params;
    }

    /**
     * A parameter by name.
     *
     * @param name the name, such as {@code sso_ticket}
     * @return the parameter, if present
     */
    public Optional<GasParam> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * A parameter's value by name.
     *
     * @param name the name
     * @return the value, if present and not empty
     */
    public Optional<String> value(String name) {
        return param(name).map(GasParam::value).filter(v -> !v.isEmpty());
    }

    /**
     * A value that must be present, for the typed views.
     *
     * @param name the parameter name
     * @param what the message kind, for the error
     * @return the value
     * @throws CisException (MALFORMED) when absent or empty
     */
    String require(String name, String what) {
        return value(name).orElseThrow(() -> new CisException(CisException.Reason.MALFORMED, what
                + " has no " + name + " parameter: expected <gpPARAM name=\"" + name + "\">...</gpPARAM>"));
    }

    /**
     * The {@code service} parameter.
     *
     * @return the service, or empty when absent or not one of ACTIVATION, AUTHENTICATION, LOGOUT
     */
    public Optional<GasService> service() {
        return value("service").flatMap(GasService::find);
    }

    /**
     * The DOCTYPE system identifier the document had, or {@link #DEFAULT_DOCTYPE_SYSTEM_ID} for a built message.
     *
     * @return the system identifier (never fetched)
     */
    public Optional<String> doctypeSystemId() {
        return Optional.ofNullable(doctypeSystemId);
    }

    /**
     * A copy that writes another DOCTYPE system identifier (GAS's own answers name
     * {@code https://<gas host>/login/dtd}).
     *
     * @param systemId the identifier (no quotes, brackets or angle brackets)
     * @return a new message with the same parameters
     */
    public GasMessage withDoctypeSystemId(String systemId) {
        Builder b = builder().doctypeSystemId(systemId);
        params.forEach(b::param);
        return b.build();
    }

    /**
     * Writes the document: XML declaration, {@code <!DOCTYPE USER SYSTEM "...">} and the parameters,
     * one per line, values escaped.
     *
     * @return the XML text
     */
    public String toXml() {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!DOCTYPE USER SYSTEM \"").append(doctypeSystemId == null ? DEFAULT_DOCTYPE_SYSTEM_ID : doctypeSystemId)
                .append("\">\n<gpOBJECT>\n");
        for (GasParam p : params) {
            sb.append("<gpPARAM name=\"").append(escape(p.name())).append('"');
            for (Map.Entry<String, String> a : p.attributes().entrySet()) {
                sb.append(' ').append(a.getKey()).append("=\"").append(escape(a.getValue())).append('"');
            }
            sb.append('>').append(escape(p.value())).append("</gpPARAM>\n");
        }
        return sb.append("</gpOBJECT>\n").toString();
    }

    /**
     * Compares parameters (not the DOCTYPE).
     *
     * @param o another object
     * @return true for a message with the same parameters in the same order
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof GasMessage other && params.equals(other.params);
    }

    /**
     * A hash of the parameters.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return params.hashCode();
    }

    /**
     * The parameters with secret values hidden.
     *
     * @return a summary
     */
    @Override
    public String toString() {
        return "GasMessage" + params;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Builds a {@link GasMessage}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, GasParam> params = new LinkedHashMap<>();
        private String doctypeSystemId = DEFAULT_DOCTYPE_SYSTEM_ID;

        private Builder() {
        }

        /**
         * Adds or replaces a parameter.
         *
         * @param name the name
         * @param value the value
         * @return this
         */
        public Builder param(String name, String value) {
            return param(new GasParam(name, Map.of(), Objects.requireNonNull(value, name)));
        }

        /**
         * Adds or replaces a parameter with attributes.
         *
         * @param param the parameter
         * @return this
         */
        public Builder param(GasParam param) {
            params.put(param.name(), param);
            return this;
        }

        /**
         * Sets the {@code service} parameter.
         *
         * @param service the service
         * @return this
         */
        public Builder service(GasService service) {
            return param("service", service.name());
        }

        /**
         * The DOCTYPE system identifier to write (default {@value GasMessage#DEFAULT_DOCTYPE_SYSTEM_ID};
         * GAS's own answers name {@code https://<gas host>/login/dtd}).
         *
         * @param systemId the identifier (no quotes or angle brackets)
         * @return this
         */
        public Builder doctypeSystemId(String systemId) {
            if (systemId.matches(".*[\"'<>\\[\\]].*")) {
                throw new CisException(CisException.Reason.CONFIGURATION, "DOCTYPE system id " + Text.quote(systemId)
                        + " contains quotes, brackets or angle brackets");
            }
            this.doctypeSystemId = systemId;
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public GasMessage build() {
            return new GasMessage(new ArrayList<>(params.values()), doctypeSystemId);
        }
    }
}
