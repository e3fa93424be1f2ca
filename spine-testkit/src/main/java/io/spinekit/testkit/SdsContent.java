package io.spinekit.testkit;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What goes into an {@link EmbeddedSds}: the SDS schema, the base entries, and entries from fixtures
 * or LDIF, with the error a test sees when the directory rejects one.
 */
final class SdsContent {
    /** The real SDS schema, shipped in spine-ldap (one copy for the client and the test directory). */
    private static final String SCHEMA_RESOURCE = "/io/spinekit/ldap/sds-schema.ldif";

    private SdsContent() {
    }

    /** The SDS schema merged onto UnboundID's default standard schema. */
    static Schema schema() {
        try (InputStream in = SdsContent.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE + " (it ships in spine-ldap)");
            }
            return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDIFException | LDAPException e) {
            throw new IllegalStateException("cannot load the SDS schema: " + e.getMessage(), e);
        }
    }

    /** Removes every entry, then adds {@code o=nhs} and its {@code ou}s. */
    static void reset(InMemoryDirectoryServer server) {
        server.clear();
        try {
            server.add(new Entry(EmbeddedSds.ROOT, new Attribute("objectClass", "top", "organization"),
                    new Attribute("o", "nhs")));
            for (String ou : List.of(EmbeddedSds.SERVICES, EmbeddedSds.ORGANISATIONS, EmbeddedSds.PEOPLE)) {
                server.add(new Entry(ou, new Attribute("objectClass", "top", "organizationalUnit"),
                        new Attribute("ou", ou.substring(3, ou.indexOf(',')))));
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot add the base entries: " + e.getMessage(), e);
        }
    }

    /** Adds one entry given as LDIF lines. */
    static String addLdifEntry(InMemoryDirectoryServer server, String... ldifLines) {
        try {
            return add(server, LDIFReader.decodeEntry(ldifLines));
        } catch (LDIFException e) {
            throw new IllegalArgumentException("invalid LDIF entry: " + e.getMessage(), e);
        }
    }

    /** Adds every entry of an LDIF stream; returns how many. */
    static int importLdif(InMemoryDirectoryServer server, InputStream in) {
        int n = 0;
        try (LDIFReader reader = new LDIFReader(in)) {
            Entry e;
            while ((e = reader.readEntry()) != null) {
                add(server, e);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LDIFException e) {
            throw new IllegalArgumentException("invalid LDIF: " + e.getMessage(), e);
        }
        return n;
    }

    /** Adds an entry; returns its DN. */
    static String add(InMemoryDirectoryServer server, Entry entry) {
        try {
            server.add(entry);
            return entry.getDN();
        } catch (LDAPException e) {
            throw new IllegalArgumentException("the embedded SDS rejected entry '" + entry.getDN() + "': "
                    + e.getMessage(), e);
        }
    }
}
