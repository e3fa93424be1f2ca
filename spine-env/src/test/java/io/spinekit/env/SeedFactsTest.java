package io.spinekit.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every fact of the three seed environment pages (and of FACTS.md for what they lack), asserted
 * through the public API with its provenance.
 */
class SeedFactsTest {
    private static final SpineCatalog CATALOG = SpineCatalog.bundled();

    private static Map<String, String> values(EnvironmentProfile p, Purpose purpose) {
        return p.facts(purpose).stream().collect(Collectors.toMap(Fact::key, Fact::value, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static Provenance provenance(EnvironmentProfile p, String key) {
        return p.fact(key).orElseThrow(() -> new AssertionError("missing " + key)).provenance();
    }

    @Nested
    class Development {
        private final EnvironmentProfile dev = CATALOG.profile(SpineEnvironment.DEVELOPMENT);

        @Test
        void portalUrlsAllOnNwwDevWithTheirIpAddress() {
            assertThat(dev.endpoints(Purpose.PORTAL))
                    .extracting(Endpoint::description, e -> e.url().toString(), Endpoint::host, Endpoint::ipAddress, Endpoint::port, Endpoint::provenance)
                    .containsExactly(
                            tuple("Portal page with links to Spine Core and CIS applications (Identity Agent LaunchAppsPath)",
                                    "https://portal.vn03.national.ncrs.nhs.uk", "portal.vn03.national.ncrs.nhs.uk", Optional.empty(), 443, Provenance.SEED),
                            tuple("Used for the CSA (SCRa) service", "https://nww.dev.spine2.ncrs.nhs.uk/summarycarerecord",
                                    "nww.dev.spine2.ncrs.nhs.uk", Optional.of("10.239.14.24"), 443, Provenance.SEED),
                            tuple("Used for self service", "https://nww.dev.spine2.ncrs.nhs.uk/spineselfservice",
                                    "nww.dev.spine2.ncrs.nhs.uk", Optional.of("10.239.14.24"), 443, Provenance.SEED),
                            tuple("Used for the alert service", "https://nww.dev.spine2.ncrs.nhs.uk/spinealertservice",
                                    "nww.dev.spine2.ncrs.nhs.uk", Optional.of("10.239.14.24"), 443, Provenance.SEED),
                            tuple("Used for the DSA service", "https://nww.dev.spine2.ncrs.nhs.uk/demographicspineapplication",
                                    "nww.dev.spine2.ncrs.nhs.uk", Optional.of("10.239.14.24"), 443, Provenance.SEED),
                            tuple("Used for the ETP admin service", "https://nww.dev.spine2.ncrs.nhs.uk/prescriptionsadmin",
                                    "nww.dev.spine2.ncrs.nhs.uk", Optional.of("10.239.14.24"), 443, Provenance.SEED),
                            tuple("Used for the SRS service", "https://nww.dev.spine2.ncrs.nhs.uk/spinereportingservice",
                                    "nww.dev.spine2.ncrs.nhs.uk", Optional.of("10.239.14.24"), 443, Provenance.SEED),
                            tuple("Used for the MOLES service", "https://nww.dev.spine2.ncrs.nhs.uk/moles",
                                    "nww.dev.spine2.ncrs.nhs.uk", Optional.of("10.239.14.24"), 443, Provenance.SEED));
        }

        @Test
        void systemUrlsFromTheSeed() {
            assertThat(dev.requireUrl("ldap.url")).isEqualTo(URI.create("ldaps://ldap.vn03.national.ncrs.nhs.uk:636"));
            assertThat(dev.endpoint("ldap.url").orElseThrow().port()).isEqualTo(636);
            assertThat(dev.requireUrl("gas.activate.url")).hasToString("https://gas.vn03.national.ncrs.nhs.uk/login/authactivate");
            assertThat(dev.requireUrl("gas.logout.url")).hasToString("https://gas.vn03.national.ncrs.nhs.uk/login/authlogout");
            assertThat(dev.requireUrl("gas.validate.url")).hasToString("https://gas.vn03.national.ncrs.nhs.uk/login/authvalidate");
            assertThat(dev.requireUrl("sbapi.namingservice.url")).hasToString("https://sbapi.vn03.national.ncrs.nhs.uk/amserver/namingservice");
            assertThat(dev.requireUrl("sbapi.roleassertion.url")).hasToString("https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleAssertion");
            assertThat(dev.requireUrl("sbapi.roleselection.url")).hasToString("https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionGP.jsp");
            assertThat(dev.requireUrl("sbapi.roleselectionwt.url")).hasToString("https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleSelectionWT.jsp");
            assertThat(dev.requireUrl("sbapi.deviceidlogger.url")).hasToString("https://sbapi.vn03.national.ncrs.nhs.uk/ssb/DeviceIDLogger");
            for (String key : List.of("ldap.url", "gas.activate.url", "gas.logout.url", "gas.validate.url", "sbapi.namingservice.url",
                    "sbapi.roleassertion.url", "sbapi.roleselection.url", "sbapi.roleselectionwt.url", "sbapi.deviceidlogger.url")) {
                assertThat(provenance(dev, key)).as(key).isEqualTo(Provenance.SEED);
                assertThat(dev.endpoint(key).orElseThrow().ipAddress()).as(key + " has no fixed IP (AWS)").isEmpty();
            }
            assertThat(dev.requireUrl("cis2.issuer")).hasToString(
                    "https://am.nhsdev.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare");
            assertThat(provenance(dev, "cis2.issuer")).isEqualTo(Provenance.PUBLIC);
        }

        @Test
        void messagingUrlsWithIpAddressesAndPartyKey() {
            assertThat(dev.spinePartyKey()).contains(PartyKey.of("YES-0000806"));
            assertThat(provenance(dev, "spine.partykey")).isEqualTo(Provenance.SEED);
            assertThat(dev.endpoints(Purpose.MESSAGING))
                    .extracting(Endpoint::key, e -> e.url().toString(), e -> e.ipAddress().orElse(null), Endpoint::provenance)
                    .containsExactly(
                            tuple("messaging.sync.url", "https://msg.dev.spine2.ncrs.nhs.uk/sync-service", "10.239.14.29", Provenance.SEED),
                            tuple("messaging.reliable.url", "https://msg.dev.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest", "10.239.14.29", Provenance.SEED),
                            tuple("messaging.unreliable.url", "https://msg.dev.spine2.ncrs.nhs.uk/reliablemessaging/queryrequest", "10.239.14.29", Provenance.SEED),
                            tuple("messaging.intermediary.url", "https://msg.dev.spine2.ncrs.nhs.uk/reliablemessaging/intermediary", "10.239.14.29", Provenance.SEED),
                            tuple("messaging.gazetteer.url", "https://msg.dev.spine2.ncrs.nhs.uk/addressfinder/query", "10.239.14.29", Provenance.SEED),
                            tuple("messaging.smsp.url", "https://simple-sync.dev.spine2.ncrs.nhs.uk/smsp/pds", "10.239.14.39", Provenance.SEED),
                            tuple("messaging.ssp.url", "https://proxy.dev.spine2.ncrs.nhs.uk", "10.239.14.34", Provenance.SEED));
            assertThat(dev.url("messaging.internet.url")).isEmpty();
            assertThat(dev.fact("messaging.ssp.url").orElseThrow().source()).contains("[provider service root url]/[fhir request]");
        }

        @Test
        void firewallRangeAndOutboundNat() {
            assertThat(dev.firewall()).isEqualTo(new Firewall(Optional.of("10.239.67.128/25"), List.of(636, 443)));
            assertThat(dev.outboundNat())
                    .extracting(NetworkAddress::id, NetworkAddress::host, NetworkAddress::address, NetworkAddress::port)
                    .containsExactly(
                            tuple("messaging", Optional.of("msg-out.dev.spine2.ncrs.nhs.uk"), Optional.of("10.239.14.104"), Optional.of("443")),
                            tuple("tokenevents", Optional.empty(), Optional.of("10.196.94.115"), Optional.of("443")));
            assertThat(dev.outboundNat()).flatExtracting(NetworkAddress::facts).extracting(Fact::provenance).containsOnly(Provenance.SEED);
        }

        @Test
        void applicationUrls() {
            assertThat(dev.endpoints(Purpose.APPLICATION))
                    .extracting(Endpoint::description, e -> e.url().toString())
                    .containsExactly(
                            tuple("Summary Care Record (SCR)", "https://nww.dev.spine2.ncrs.nhs.uk/summarycarerecord/"),
                            tuple("SCR 1-Click", "http://nww.dev.spine2.ncrs.nhs.uk/oneclickscr/LSPValidator.jsp"),
                            tuple("SAML", "https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleAssertion"),
                            tuple("EPS Prescription Tracker", "https://nww.dev.spine2.ncrs.nhs.uk/prescriptionsadmin/"),
                            tuple("Care ID Service (Smartcard Management)", "https://wfe.dev.iam.spine2.ncrs.nhs.uk/urswebapp/"),
                            tuple("End Point Registration Service (EPR)", "https://wfe.dev.iam.spine2.ncrs.nhs.uk/eprwebapp/"),
                            tuple("Spine Reporting Service", "https://nww.dev.spine2.ncrs.nhs.uk/spinereportingservice/"),
                            tuple("Demographic Spine Application (DSA)", "https://nww.dev.spine2.ncrs.nhs.uk/demographicspineapplication/"),
                            tuple("Data Access Service (DAS)", "https://susportal.ota.national.ncrs.nhs.uk/Ardentia"),
                            tuple("NDS Admin Portal", "https://susportal.ota.national.ncrs.nhs.uk/Ardentia/portal/jsp/index.jsp"),
                            tuple("TES Alert Viewer", "https://nww.dev.spine2.ncrs.nhs.uk/spinealertservice/"),
                            tuple("SUS: Business Intelligence", "https://susportal.ota.national.ncrs.nhs.uk/susportal/"));
            assertThat(dev.endpoint("app.scr1click.url").orElseThrow().port()).isEqualTo(80);
        }

        @Test
        void ersDev1AndDev3WithPartyKeysAsidsHostsAndIps() {
            assertThat(dev.ersEnvironments()).extracting(ErsEnvironment::name, ErsEnvironment::partyKey, ErsEnvironment::asid)
                    .containsExactly(
                            tuple("Dev1", Optional.of(PartyKey.of("YEU-1808939")), Optional.of(Asid.of("753468248012"))),
                            tuple("Dev3", Optional.of(PartyKey.of("YEF-820397")), Optional.of(Asid.of("200000000296"))));
            assertThat(dev.ersEnvironment("Dev1").endpoints())
                    .extracting(Endpoint::description, Endpoint::host, e -> e.ipAddress().orElseThrow(), Endpoint::port)
                    .containsExactly(
                            tuple("e-RS professional webapp", "nww.dev1.ers.ncrs.nhs.uk", "155.231.120.150", 443),
                            tuple("e-RS patient webapp", "nww.pwa.dev1.ers.ncrs.nhs.uk", "155.231.120.151", 443),
                            tuple("e-RS API", "api.dev1.ers.ncrs.nhs.uk", "155.231.120.153", 443),
                            tuple("e-RS messaging endpoint", "mhsin.dev1.ers.ncrs.nhs.uk", "155.231.120.152", 443));
            assertThat(dev.ersEnvironment("e-RS Dev3").endpoints())
                    .extracting(e -> e.url().toString(), e -> e.ipAddress().orElseThrow())
                    .containsExactly(
                            tuple("https://nww.dev3.ers.ncrs.nhs.uk", "155.231.120.230"),
                            tuple("https://nww.pwa.dev3.ers.ncrs.nhs.uk", "155.231.120.231"),
                            tuple("https://api.dev3.ers.ncrs.nhs.uk", "155.231.120.233"),
                            tuple("https://mhsin.dev3.ers.ncrs.nhs.uk", "155.231.120.232"));
            assertThat(dev.ersEnvironment("dev3").description()).contains(
                    "e-RS API development and functionality testing, using the Spine Core development environment for messaging");
            assertThat(dev.ersEnvironments()).flatExtracting(ErsEnvironment::facts).extracting(Fact::provenance).containsOnly(Provenance.SEED);
        }

        @Test
        void caChainMeshServicesStatusAndGeneralFacts() {
            assertThat(dev.value("ca.root.name")).contains("NHS PTL Root");
            assertThat(dev.value("ca.sub.name")).contains("NHS DEV Level 1C");
            assertThat(dev.fact("tls.trust").orElseThrow().inferred()).isTrue();
            MeshSettings mesh = dev.mesh();
            assertThat(mesh.url()).isEmpty();
            assertThat(mesh.hscnUrl().orElseThrow().url()).hasToString("https://msg.dev.spine2.ncrs.nhs.uk");
            assertThat(mesh.keystorePath()).contains("C:\\MESH-APP-HOME\\Keystore\\meshdev.keystore");
            assertThat(mesh.keystoreAlias()).contains("meshDEV");
            assertThat(dev.services()).containsExactly(SpineService.SPINE_CORE, SpineService.SMSP, SpineService.SSP,
                    SpineService.MESH, SpineService.CIS, SpineService.ERS, SpineService.ERS_API);
            EnvironmentStatus status = dev.status();
            assertThat(status.state()).isEqualTo(EnvironmentStatus.State.DECOMMISSIONING);
            assertThat(status.date()).contains(LocalDate.of(2025, 7, 31));
            assertThat(status.notice().orElseThrow()).contains("TRAIN and DEV").contains("31 July 2025");
            assertThat(status.provenance()).contains(Provenance.PUBLIC);
            assertThat(dev.value("contact.support.email")).contains("platforms.supportdesk@nhs.net");
            assertThat(dev.value("contact.testdata.email")).contains("testdata@nhs.net");
            assertThat(dev.value("network")).contains("HSCN (Health and Social Care Network)");
            assertThat(dev.value("usage").orElseThrow()).contains("Early design, development and system test");
        }

        @Test
        void maintenanceSlots() {
            assertThat(values(dev, Purpose.MAINTENANCE)).containsExactly(
                    Map.entry("maintenance.core", "Tue 20:00-Wed 06:00 weekly"),
                    Map.entry("maintenance.cis", "Mon 20:00-Tue 06:00 weekly"),
                    Map.entry("maintenance.ers.dev1", "Mon 20:00-Tue 06:00 after-ers-release"),
                    Map.entry("maintenance.ers.dev3", "Thu 20:00-Mon 06:00 after-ers-release"));
            assertThat(dev.maintenance().services()).extracting(MaintenanceSchedule.ServiceMaintenance::displayName)
                    .containsExactly("Spine Core", "Spine CIS", "e-RS Dev1", "e-RS Dev3");
        }
    }

    @Nested
    class Integration {
        private final EnvironmentProfile in = CATALOG.profile(SpineEnvironment.INTEGRATION);

        @Test
        void partyKeyAndErsInt1FromTheSeed() {
            assertThat(in.spinePartyKey()).contains(PartyKey.of("YES-0000806"));
            assertThat(provenance(in, "spine.partykey")).isEqualTo(Provenance.SEED);
            ErsEnvironment int1 = in.ersEnvironment("Int1");
            assertThat(in.ersEnvironments()).extracting(ErsEnvironment::name).containsExactly("Int1");
            assertThat(int1.partyKey()).contains(PartyKey.of("YEO-812583"));
            assertThat(int1.asid()).contains(Asid.of("176887180519"));
            assertThat(int1.endpoints()).as("hosts are 'Variable' on the page").isEmpty();
        }

        @Test
        void tokenEventsRangeAndFirewallPorts() {
            assertThat(in.outboundNat()).extracting(NetworkAddress::id, NetworkAddress::host, NetworkAddress::address, NetworkAddress::port)
                    .containsExactly(
                            tuple("messaging", Optional.empty(), Optional.empty(), Optional.of("443")),
                            tuple("tokenevents", Optional.empty(), Optional.of("10.239.58.0/24"), Optional.of("any")));
            assertThat(in.fact("nat.tokenevents.address").orElseThrow().source()).contains("10..239.58.0/24");
            assertThat(in.firewall()).isEqualTo(new Firewall(Optional.empty(), List.of(636, 443)));
        }

        @Test
        void publicUrlsFillTheStrippedOnesAndThePortalIsInferred() {
            assertThat(in.requireUrl("ldap.url")).hasToString("ldaps://ldap.nis1.national.ncrs.nhs.uk:636");
            assertThat(in.requireUrl("gas.activate.url")).hasToString("https://gas.nis1.national.ncrs.nhs.uk/login/authactivate");
            assertThat(in.requireUrl("gas.logout.url")).hasToString("https://gas.nis1.national.ncrs.nhs.uk/login/authlogout");
            assertThat(in.requireUrl("gas.validate.url")).hasToString("https://gas.nis1.national.ncrs.nhs.uk/login/authvalidate");
            assertThat(in.requireUrl("sbapi.namingservice.url")).hasToString("https://sbapi.nis1.national.ncrs.nhs.uk/amserver/namingservice");
            assertThat(in.requireUrl("sbapi.roleassertion.url")).hasToString("https://sbapi.nis1.national.ncrs.nhs.uk/saml/RoleAssertion");
            assertThat(in.requireUrl("messaging.sync.url")).hasToString("https://msg.int.spine2.ncrs.nhs.uk/sync-service");
            assertThat(in.requireUrl("messaging.reliable.url")).hasToString("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest");
            assertThat(in.requireUrl("messaging.unreliable.url")).hasToString("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/queryrequest");
            assertThat(in.requireUrl("messaging.intermediary.url")).hasToString("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/intermediary");
            assertThat(in.requireUrl("messaging.gazetteer.url")).hasToString("https://msg.int.spine2.ncrs.nhs.uk/addressfinder/query");
            assertThat(in.requireUrl("messaging.smsp.url")).hasToString("https://simple-sync.int.spine2.ncrs.nhs.uk/smsp/pds");
            assertThat(in.requireUrl("messaging.ssp.url")).hasToString("https://proxy.int.spine2.ncrs.nhs.uk");
            assertThat(in.requireUrl("messaging.internet.url")).hasToString("https://msg.intspineservices.nhs.uk");
            assertThat(in.requireUrl("cis2.issuer")).hasToString(
                    "https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare");
            assertThat(in.requireUrl("sds.fhir.url")).hasToString("https://int.api.service.nhs.uk/spine-directory/FHIR/R4");
            for (String key : List.of("ldap.url", "gas.activate.url", "sbapi.roleassertion.url", "messaging.sync.url",
                    "messaging.smsp.url", "messaging.ssp.url", "messaging.internet.url", "cis2.issuer")) {
                assertThat(provenance(in, key)).as(key).isEqualTo(Provenance.PUBLIC);
            }
            assertThat(in.fact("portal.url")).hasValueSatisfying(f -> {
                assertThat(f.value()).isEqualTo("https://portal.nis1.national.ncrs.nhs.uk");
                assertThat(f.inferred()).isTrue();
            });
            assertThat(provenance(in, "sbapi.roleselection.url")).isEqualTo(Provenance.INFERRED);
            assertThat(in.endpoints(Purpose.PORTAL)).extracting(Endpoint::key).containsExactly("portal.url");
            assertThat(in.endpoints(Purpose.MESSAGING)).allSatisfy(e -> assertThat(e.ipAddress()).isEmpty());
        }

        @Test
        void caChainMeshServicesAndMaintenance() {
            assertThat(in.value("ca.root.name")).contains("NHS PTL Root Authority G2");
            assertThat(in.value("ca.sub.name")).contains("NHS INT Authentication G2");
            assertThat(in.mesh().url().orElseThrow().url()).hasToString("https://msg.intspineservices.nhs.uk");
            assertThat(in.mesh().hscnUrl().orElseThrow().url()).hasToString("https://msg.int.spine2.ncrs.nhs.uk");
            assertThat(in.mesh().keystorePath()).isEmpty();
            assertThat(in.services()).containsExactly(SpineService.SPINE_CORE, SpineService.SMSP, SpineService.SSP,
                    SpineService.MESH, SpineService.CIS, SpineService.CIS2, SpineService.CIM, SpineService.ERS, SpineService.ERS_API);
            assertThat(in.status().state()).isEqualTo(EnvironmentStatus.State.ACTIVE);
            assertThat(in.status().provenance()).isEmpty();
            assertThat(values(in, Purpose.MAINTENANCE)).containsExactly(
                    Map.entry("maintenance.core", "Mon 20:00-Tue 06:00 weekly; Wed 20:00-Thu 06:00 weekly"),
                    Map.entry("maintenance.cis", "Tue 20:00-Wed 06:00 weekly"),
                    Map.entry("maintenance.ers", "Tue 20:00-Wed 06:00 after-ers-release"));
            assertThat(in.value("contact.support.email")).as("stripped from the page").isEmpty();
            assertThat(in.value("usage").orElseThrow()).contains("supervised by NHS Digital");
        }
    }

    @Nested
    class Deployment {
        private final EnvironmentProfile dep = CATALOG.profile(SpineEnvironment.DEPLOYMENT);

        @Test
        void seedFactsOfTheStrippedPage() {
            assertThat(dep.spinePartyKey()).contains(PartyKey.of("YES-0000806"));
            assertThat(dep.requireUrl("app.epr.url")).hasToString("https://uim.vn1.national.ncrs.nhs.uk/eprwebapp/");
            assertThat(dep.fact("app.epr.url").orElseThrow().source()).contains("https:/uim.vn1.national.ncrs.nhs.ukeprwebapp/");
            assertThat(dep.ersEnvironments()).extracting(ErsEnvironment::name, ErsEnvironment::partyKey, ErsEnvironment::asid)
                    .containsExactly(
                            tuple("Dep1", Optional.of(PartyKey.of("YEO-11809150")), Optional.of(Asid.of("606179841014"))),
                            tuple("Dep2", Optional.empty(), Optional.empty()));
            assertThat(dep.value("ca.root.name")).contains("NHS PTL Root Authority");
            assertThat(dep.value("ca.sub.name")).contains("NHS DEP Level1C");
            assertThat(dep.mesh().keystorePath()).contains("C:\\MESH-APP-HOME\\Keystore\\meshdep.keystore");
            assertThat(dep.mesh().keystoreAlias()).contains("meshDEP");
            assertThat(dep.services()).containsExactly(SpineService.SPINE_CORE, SpineService.SMSP, SpineService.SSP,
                    SpineService.MESH, SpineService.CIS, SpineService.ERS, SpineService.ERS_API);
            assertThat(values(dep, Purpose.MAINTENANCE)).containsExactly(
                    Map.entry("maintenance.core", "Thu 20:00-Fri 06:00 weekly"),
                    Map.entry("maintenance.cis", "Wed 20:00-Thu 06:00 weekly"),
                    Map.entry("maintenance.ers", "Wed 20:00-Thu 06:00 after-ers-release"));
            assertThat(dep.firewall()).isEqualTo(new Firewall(Optional.empty(), List.of(636, 443)));
            assertThat(dep.value("usage").orElseThrow()).contains("user acceptance testing (UAT)");
        }

        @Test
        void publicAndInferredValuesAreMarkedAndUnknownOnesAbsent() {
            assertThat(dep.fact("ldap.url").orElseThrow()).extracting(Fact::value, Fact::provenance)
                    .containsExactly("ldaps://ldap.vn1.national.ncrs.nhs.uk:636", Provenance.PUBLIC);
            assertThat(dep.fact("ldap.url").orElseThrow().source()).contains("SDS FHIR API");
            assertThat(dep.fact("gas.activate.url").orElseThrow()).extracting(Fact::value, Fact::provenance)
                    .containsExactly("https://gas.vn1.national.ncrs.nhs.uk/login/authactivate", Provenance.PUBLIC);
            assertThat(dep.fact("messaging.sync.url").orElseThrow()).extracting(Fact::value, Fact::provenance)
                    .containsExactly("https://msg.dep.spine2.ncrs.nhs.uk/sync-service", Provenance.INFERRED);
            assertThat(dep.fact("messaging.internet.url").orElseThrow()).extracting(Fact::value, Fact::provenance)
                    .containsExactly("https://msg.depspineservices.nhs.uk", Provenance.PUBLIC);
            assertThat(dep.mesh().url().orElseThrow().url()).hasToString("https://msg.depspineservices.nhs.uk");
            assertThat(dep.mesh().hscnUrl().orElseThrow().url()).hasToString("https://msg.dep.spine2.ncrs.nhs.uk");
            for (String absent : List.of("portal.url", "sbapi.namingservice.url", "sbapi.roleassertion.url", "cis2.issuer",
                    "messaging.smsp.url", "messaging.ssp.url")) {
                assertThat(dep.url(absent)).as(absent).isEmpty();
            }
        }
    }

    @Nested
    class Live {
        private final EnvironmentProfile live = CATALOG.profile(SpineEnvironment.LIVE);

        @Test
        void onlyPublicValuesAndNoInventedHosts() {
            assertThat(live.facts().values()).extracting(Fact::provenance).containsOnly(Provenance.PUBLIC);
            assertThat(live.requireUrl("ldap.url")).hasToString("ldaps://ldap.national.ncrs.nhs.uk:636");
            assertThat(live.requireUrl("gas.validate.url")).hasToString("https://gas.national.ncrs.nhs.uk/login/authvalidate");
            assertThat(live.requireUrl("messaging.ssp.url")).hasToString("https://proxy.national.ncrs.nhs.uk");
            assertThat(live.mesh().url().orElseThrow().url()).hasToString("https://mesh-sync.spineservices.nhs.uk");
            assertThat(live.mesh().hscnUrl().orElseThrow().url()).hasToString("https://mesh-sync.national.ncrs.nhs.uk");
            assertThat(live.requireUrl("sds.fhir.url")).hasToString("https://api.service.nhs.uk/spine-directory/FHIR/R4");
            assertThat(live.requireUrl("cis2.issuer")).hasToString(
                    "https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare");
            assertThat(live.spinePartyKey()).isEmpty();
            assertThat(live.spineCoreOdsCode()).as("SDS FHIR API prod SPINE_CORE_ODS_CODE").contains(OdsCode.of("YEA"));
            assertThat(live.fact("spine.core.ods").orElseThrow().source()).contains("SDS FHIR API");
            assertThat(live.requireUrl("sds.fhir.sandbox.url"))
                    .hasToString("https://sandbox.api.service.nhs.uk/spine-directory/FHIR/R4");
            assertThat(live.url("messaging.sync.url")).as("msg.spine2.ncrs.nhs.uk was seen once, unverified").isEmpty();
            assertThat(live.url("sbapi.roleassertion.url")).isEmpty();
            assertThat(live.url("portal.url")).isEmpty();
            assertThat(live.ersEnvironments()).isEmpty();
            assertThat(live.maintenance().services()).isEmpty();
            assertThat(live.trustChain()).doesNotContain("nhs-root-authority", "nhs-level-1c");
        }
    }

    @Test
    void spineCoreOdsCodeAndSdsFhirUrlFromTheSdsFhirApisOwnConfiguration() {
        for (SpineEnvironment e : List.of(SpineEnvironment.DEVELOPMENT, SpineEnvironment.INTEGRATION,
                SpineEnvironment.DEPLOYMENT)) {
            assertThat(CATALOG.profile(e).spineCoreOdsCode()).as(e.name()).contains(OdsCode.of("YES"));
        }
        assertThat(CATALOG.profile(SpineEnvironment.LIVE).spineCoreOdsCode()).contains(OdsCode.of("YEA"));
        assertThat(CATALOG.profile(SpineEnvironment.DEVELOPMENT).url("sds.fhir.url")).isEmpty();
        assertThat(CATALOG.profile(SpineEnvironment.INTEGRATION).requireUrl("sds.fhir.url"))
                .hasToString("https://int.api.service.nhs.uk/spine-directory/FHIR/R4");
        assertThat(CATALOG.profile(SpineEnvironment.DEPLOYMENT).requireUrl("sds.fhir.url"))
                .hasToString("https://dep.api.service.nhs.uk/spine-directory/FHIR/R4");
        for (SpineEnvironment e : List.of(SpineEnvironment.INTEGRATION, SpineEnvironment.DEPLOYMENT,
                SpineEnvironment.LIVE)) {
            assertThat(CATALOG.profile(e).fact("sds.fhir.url").orElseThrow().provenance()).isEqualTo(Provenance.PUBLIC);
        }
    }

    @Test
    void everyFactOfEveryStandardEnvironmentHasAKnownSourceAndNoOverrideProvenance() {
        for (EnvironmentProfile p : CATALOG.profiles()) {
            assertThat(p.facts().values()).as(p.name()).allSatisfy(f -> {
                assertThat(f.provenance()).isNotEqualTo(Provenance.OVERRIDE);
                assertThat(f.source()).isNotBlank();
                if (f.provenance() == Provenance.SEED) {
                    assertThat(f.source()).contains("(seed 00");
                }
                if (f.provenance() == Provenance.INFERRED) {
                    assertThat(f.source()).containsIgnoringCase("inferred");
                }
            });
        }
        assertThat(CATALOG.profiles()).flatExtracting(p -> List.copyOf(p.facts().values())).hasSize(188);
    }
}
