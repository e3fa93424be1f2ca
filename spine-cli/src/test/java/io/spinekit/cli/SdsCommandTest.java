package io.spinekit.cli;

import static io.spinekit.cli.CliRun.run;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static io.spinekit.testkit.EmbeddedSds.organisation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spinekit.testkit.EmbeddedSds;
import io.spinekit.testkit.FaultyLdapServer;
import io.spinekit.testkit.OpenTestSdsShapes;
import io.spinekit.testpki.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code spine sds route|asid|org}, run in-process against an embedded SDS over LDAPS with a client certificate. */
class SdsCommandTest {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static EmbeddedSds sds;
    static Path dir;
    static PemFiles client;
    static Path trust;

    @BeforeAll
    static void start(@TempDir Path tmp) throws IOException {
        dir = tmp;
        sds = EmbeddedSds.builder().clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        client = sds.clientCertificate().writePem(dir, "client");
        trust = Files.writeString(dir.resolve("root.pem"), sds.pki().rootPem());
    }

    @AfterAll
    static void stop() {
        sds.close();
    }

    @BeforeEach
    void seed() {
        sds.start();
        sds.clear();
        sds.addMhs(mhs("X26", PSIS).uniqueIdentifier("S918999198738").partyKey("X26-823848")
                .endpoint("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest")
                .fqdn("msg.int.spine2.ncrs.nhs.uk").cpaId("S20001A000182").reliability("PT5M", "2", "PT1M")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS)
                .clients("A81001").product("Spinekit Test System", "1.2.3"));
        sds.addOrganisation(organisation("A81001", "THE DENSHAM SURGERY")
                .address("STOCKTON-ON-TEES", "TS18 1HU", "THE HEALTH CENTRE", "LAWSON STREET"));
    }



    static CliRun sds(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("sds", command, "--env", "int", "--ldap-url", sds.url(),
                "--trust", trust.toString(), "--cert", client.certificate().toString(),
                "--key", client.privateKey().toString()));
        all.addAll(List.of(args));
        return run(all.toArray(new String[0]));
    }

    @Test
    void routePrintsTheMergedRouteAsJson() {
        CliRun r = sds("route", "--ods", "X26", "--interaction", PSIS, "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        JsonNode route = r.json().get("route");
        assertThat(r.json().get("found").asBoolean()).isTrue();
        assertThat(route.get("endpoint").asText())
                .isEqualTo("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest");
        assertThat(route.get("partyKey").asText()).isEqualTo("X26-823848");
        assertThat(route.get("asid").asText()).isEqualTo("918999198738");
        assertThat(route.get("cpaId").asText()).isEqualTo("S20001A000182");
        assertThat(route.get("reliability").get("retryInterval").asText()).isEqualTo("PT1M");
        assertThat(route.get("reliability").get("retries").asInt()).isEqualTo(2);
        assertThat(route.get("reliability").get("actor").asText())
                .isEqualTo("urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH");
        assertThat(r.json().get("candidates")).hasSize(1);
    }

    @Test
    void routeAndAsidJsonListTheValuesSdsHoldsThatWereSkipped() {
        sds.clear();
        OpenTestSdsShapes.load(sds);

        CliRun r = sds("route", "--ods", "YES", "--interaction", OpenTestSdsShapes.GP_CONNECT, "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.json().get("warnings")).hasSize(1);
        JsonNode w = r.json().get("warnings").get(0);
        assertThat(w.get("entryDn").asText()).isEqualTo(OpenTestSdsShapes.SPINE_BULK_AS_DN);
        assertThat(w.get("attribute").asText()).isEqualTo("nhsAsSvcIA");
        assertThat(w.get("value").asText()).isEqualTo(OpenTestSdsShapes.JUNK_INTERACTION);
        assertThat(w.get("reason").asText()).isEqualTo("not an interaction id");

        CliRun asid = sds("asid", "--asid", OpenTestSdsShapes.SPINE_BULK_ASID);
        assertThat(asid.code()).as(asid.err()).isEqualTo(Cli.OK);
        assertThat(asid.out()).contains("interactions   " + (OpenTestSdsShapes.BULK_INTERACTION_COUNT - 1),
                "warning        SDS entry \"" + OpenTestSdsShapes.SPINE_BULK_AS_DN + "\": skipped nhsAsSvcIA value \""
                        + OpenTestSdsShapes.JUNK_INTERACTION + "\" (not an interaction id)");
    }

    @Test
    void routePrintsReadableText() {
        CliRun r = sds("route", "--ods", "x26", "--interaction", PSIS, "--party-key", "X26-823848");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("Route for X26 / " + PSIS,
                "endpoint       https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest",
                "ASID           918999198738",
                "reliability    persist PT5M, retries 2, retry interval PT1M, ack always");
    }

    @Test
    void missingRouteExitsWithNotFound() {
        CliRun r = sds("route", "--ods", "Z99", "--interaction", PSIS, "--json");

        assertThat(r.code()).isEqualTo(Cli.NOT_FOUND);
        assertThat(r.json().get("found").asBoolean()).isFalse();
        assertThat(r.json().get("reason").asText()).isEqualTo("NO_MHS");
        assertThat(r.json().get("message").asText())
                .isEqualTo("SDS has no nhsMhs entry for ODS code Z99 and interaction " + PSIS);
    }

    @Test
    void asidByAsidAndByOdsAndInteraction() {
        CliRun byAsid = sds("asid", "--asid", "918999198738", "--json");
        CliRun byOds = sds("asid", "--ods", "X26", "--interaction", PSIS);

        assertThat(byAsid.code()).as(byAsid.err()).isEqualTo(Cli.OK);
        JsonNode as = byAsid.json().get("accreditedSystems").get(0);
        assertThat(as.get("productName").asText()).isEqualTo("Spinekit Test System");
        assertThat(as.get("clients").get(0).asText()).isEqualTo("A81001");
        assertThat(byOds.code()).as(byOds.err()).isEqualTo(Cli.OK);
        assertThat(byOds.out()).contains("ASID           918999198738", "party key      X26-823848");
        assertThat(sds("asid", "--asid", "000000000000").code()).isEqualTo(Cli.NOT_FOUND);
    }

    @Test
    void orgPrintsNameTypeAndAddress() {
        CliRun r = sds("org", "--ods", "A81001", "--json");

        assertThat(r.code()).as(r.err()).isEqualTo(Cli.OK);
        JsonNode org = r.json().get("organisation");
        assertThat(org.get("name").asText()).isEqualTo("THE DENSHAM SURGERY");
        assertThat(org.get("postcode").asText()).isEqualTo("TS18 1HU");
        assertThat(org.get("addressLines").get(1).asText()).isEqualTo("LAWSON STREET");
        assertThat(sds("org", "--ods", "Z99").code()).isEqualTo(Cli.NOT_FOUND);
    }

    @Test
    void hostileTextIsRejectedAsUsageBeforeAnySearch() {
        sds.resetSearchCount();

        CliRun ods = sds("route", "--ods", "X26)(objectClass=*", "--interaction", PSIS);
        CliRun interaction = sds("route", "--ods", "X26", "--interaction", PSIS + ")(objectClass=*");
        CliRun partyKey = sds("route", "--ods", "X26", "--interaction", PSIS, "--party-key", "*");
        CliRun asid = sds("asid", "--asid", "*)(uniqueIdentifier=*");
        CliRun org = sds("org", "--ods", "*", "--json");

        for (CliRun r : List.of(ods, interaction, partyKey, asid, org)) {
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Cli.USAGE);
        }
        assertThat(ods.err()).contains("Invalid ODS code \"X26)(objectClass=*\"");
        assertThat(org.json().get("error").asText()).contains("Invalid ODS code \"*\"");
        assertThat(sds.searchCount()).isZero();
    }

    @Test
    void unreachableDirectoryIsAFailureNamingTheServer() {
        sds.stop();

        CliRun r = sds("org", "--ods", "A81001", "--timeout-ms", "2000");

        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        assertThat(r.err()).contains("No SDS server answered", sds.url());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void directoryThatNeverAnswersTheHandshakeIsATimeoutNotAHang() {
        try (FaultyLdapServer stall = FaultyLdapServer.stall()) {
            CliRun r = run("sds", "org", "--env", "int", "--ldap-url", stall.url(), "--trust", trust.toString(),
                    "--cert", client.certificate().toString(), "--key", client.privateKey().toString(),
                    "--ods", "A81001", "--timeout-ms", "700");

            assertThat(r.code()).as(r.err()).isEqualTo(Cli.FAILURE);
            assertThat(r.err()).contains("No SDS server answered the organisation with ODS code A81001 in time",
                    stall.url(), "did not answer in full within 700 ms");
            assertThat(stall.acceptedConnections()).isPositive();
        }
    }

    @Test
    void directoryRequiringAClientCertificateRefusesOneWithout() {
        CliRun r = run("sds", "org", "--env", "int", "--ldap-url", sds.url(), "--trust", trust.toString(),
                "--ods", "A81001");

        assertThat(r.code()).isEqualTo(Cli.FAILURE);
        assertThat(r.err()).contains(sds.url());
        assertThat(r.err()).contains("LDAPS server " + sds.url() + " requires a client certificate and none is"
                + " configured").doesNotContain("No SDS server answered");
    }

    @Test
    void plainLdapNeedsTheFlagAndCertWithoutKeyIsUsage() {
        CliRun plain = run("sds", "org", "--env", "int", "--ldap-url", "ldap://localhost:1", "--ods", "A81001");
        CliRun certOnly = run("sds", "org", "--env", "int", "--ldap-url", sds.url(), "--cert",
                client.certificate().toString(), "--ods", "A81001");
        CliRun unknownEnv = run("sds", "org", "--env", "nowhere", "--ods", "A81001");

        assertThat(plain.code()).isEqualTo(Cli.USAGE);
        assertThat(plain.err()).contains("plain LDAP URL \"ldap://localhost:1\" refused", "--plain-ldap");
        assertThat(certOnly.code()).isEqualTo(Cli.USAGE);
        assertThat(certOnly.err()).contains("--cert and --key go together");
        assertThat(unknownEnv.code()).isEqualTo(Cli.USAGE);
        assertThat(unknownEnv.err()).contains("Unknown environment \"nowhere\"", "integration");
    }
}
