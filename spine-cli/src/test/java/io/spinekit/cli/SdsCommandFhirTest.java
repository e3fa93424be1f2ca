package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;
import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FakeSdsFhir;
import io.spinekit.testpki.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spine sds route|asid --backend fhir} against FakeSdsFhir, beside the same look-up over LDAPS. */
class SdsCommandFhirTest {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static EmbeddedSds sds;
    static FakeSdsFhir fhir;
    static Path key;
    static Path fhirCa;
    static Path nhsTrust;
    static PemFiles client;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        sds = EmbeddedSds.startDefault();
        fhir = FakeSdsFhir.over(sds).apiKey("cli-key").start();
        key = Files.writeString(dir.resolve("key"), "cli-key\n");
        fhirCa = fhir.writeCaPem(dir.resolve("fhir-ca.pem"));
        nhsTrust = Files.writeString(dir.resolve("root.pem"), sds.pki().rootPem());
        client = sds.clientCertificate().writePem(dir, "client");
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848")
                .reliability("PT5M", "2", "PT1M"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
    }

    @AfterAll
    static void stop() {
        fhir.close();
        sds.close();
    }

    static CliRun overFhir(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("sds", command, "--env", "int", "--backend", "fhir",
                "--fhir-url", fhir.url().toString(), "--api-key-file", key.toString(), "--trust", fhirCa.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }

    static CliRun overLdap(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("sds", command, "--env", "int", "--ldap-url", sds.url(),
                "--trust", nhsTrust.toString(), "--cert", client.certificate().toString(),
                "--key", client.privateKey().toString()));
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }

    static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> i = n.fieldNames(); i.hasNext(); ) {
            out.add(i.next());
        }
        return out;
    }

    @Test
    void routeJsonHasTheShapeOfTheLdapBackEndsWithTheBackEndNamed() {
        CliRun f = overFhir("route", "--ods", "X26", "--interaction", PSIS, "--json");
        CliRun l = overLdap("route", "--ods", "X26", "--interaction", PSIS, "--json");

        assertThat(f.code()).as(f.err()).isEqualTo(Cli.OK);
        assertThat(l.code()).as(l.err()).isEqualTo(Cli.OK);
        assertThat(f.json().get("backend").asText()).isEqualTo("fhir");
        assertThat(l.json().get("backend").asText()).isEqualTo("ldap");
        assertThat(fields(f.json())).isEqualTo(fields(l.json()));
        assertThat(fields(f.json().get("route"))).isEqualTo(fields(l.json().get("route")));
        for (String k : List.of("endpoint", "partyKey", "asid", "cpaId", "serviceName", "interactionName", "reliability")) {
            assertThat(f.json().get("route").get(k)).as(k).isEqualTo(l.json().get("route").get(k));
        }
        assertThat(f.json().get("route").get("authentication").isNull()).as("not exposed by the API").isTrue();
    }

    @Test
    void asidByInteractionWorksAndByAsidSaysTheApiCannot() {
        CliRun ok = overFhir("asid", "--ods", "X26", "--interaction", PSIS, "--json");
        assertThat(ok.code()).as(ok.err()).isEqualTo(Cli.OK);
        assertThat(ok.json().get("accreditedSystems").get(0).get("asid").asText()).isEqualTo("918999198738");

        CliRun no = overFhir("asid", "--asid", "918999198738");
        assertThat(no.code()).isNotEqualTo(Cli.OK);
        assertThat(no.err()).contains("cannot find an accredited system by ASID");
        assertThat(no.out() + no.err()).doesNotContain("cli-key");
    }

    @Test
    void ldapOptionsWithTheFhirBackEndAreBadInput() {
        CliRun r = overFhir("route", "--ods", "X26", "--interaction", PSIS, "--ldap-url", sds.url());
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("are for the LDAP back-end");
    }
}
