#!/usr/bin/env python3
"""Writes spine-env's bundled catalog, src/main/resources/io/spinekit/env/environments.json.

The catalog is data: edit the tables below (not the JSON) and re-run this script. Every value has
a provenance (SEED: printed on the seed pages; PUBLIC: public NHS code or docs; INFERRED: follows a
naming pattern, nothing shows it) and a source. Unknown values are simply absent.
"""
import json
import os

EDITION = "2026-12-02"

SOURCES = {
    "seed-dev": "NHS Digital 'Development environments' page (seed 002)",
    "seed-int": "NHS Digital 'Integration environments' page, last edited 10 June 2024 (seed 003)",
    "seed-dep": "NHS Digital 'Deployment environments' page, last edited 29 September 2021 (seed 004)",
    "public": "public NHS code or documentation (docs/reference/FACTS.md section 1)",
    "public-mhs": "public NHS MHS adaptor PTL configuration (docs/reference/FACTS.md section 1)",
    "public-sbapi": "public Spine Core legacy authorisation documentation (docs/reference/FACTS.md section 1)",
    "public-mesh": "public NHS MESH client configuration (docs/reference/FACTS.md section 1)",
    "public-cis2": "public CIS2 OIDC documentation (docs/reference/FACTS.md section 1)",
    "public-apim": "public NHS API platform documentation, api.service.nhs.uk (docs/reference/FACTS.md section 1)",
    "public-live-ldap": "one public C code base's default and the SDS FHIR API's prod back-end configuration (docs/reference/FACTS.md section 1)",
    "public-sds-fhir": "the SDS FHIR API's own configuration: NHSDigital/spine-directory-service-api specification and ecs-proxies-deploy-*.yml (docs/reference/SDS-FHIR.md section 1)",
    "public-notice": "public NHS notice of May 2025, one source (docs/reference/FACTS.md section 1)",
    "public-pki": "spinekit PKI facts: seed CA names plus public CA bundles (docs/reference/FACTS.md section 2)",
    "inferred": "inferred from the naming pattern of published hosts; nothing shows this value directly",
}

S, P, I = "SEED", "PUBLIC", "INFERRED"


def f(value, provenance, source, note=None):
    d = {"value": value, "provenance": provenance, "source": source}
    if note:
        d["note"] = note
    return d


def group(prefix_facts):
    return prefix_facts


dev = {}
d = "seed-dev"
dev["usage"] = f("Early design, development and system test against the Spine Core, Spine CIS and e-RS national systems. "
                 "Not the formal integration test environment, no access to other environments during downtime, "
                 "not part of the formal Path to Live (testing here is not mandatory for any approval).", S, d)
dev["network"] = f("HSCN (Health and Social Care Network)", S, d)
dev["contact.support.email"] = f("platforms.supportdesk@nhs.net", S, d)
dev["contact.testdata.email"] = f("testdata@nhs.net", S, d)
dev["status"] = f("decommissioning", P, "public-notice")
dev["status.date"] = f("2025-07-31", P, "public-notice")
dev["status.notice"] = f("A public notice (May 2025) said the TRAIN and DEV path-to-live environments were to be "
                         "decommissioned on 31 July 2025. DEV stays in the catalog: users still meet its certificates and hosts.",
                         P, "public-notice")
dev["portal.url"] = f("https://portal.vn03.national.ncrs.nhs.uk", S, d, "Portal URLs")
NWW = "https://nww.dev.spine2.ncrs.nhs.uk/"
for key, path in [("scr", "summarycarerecord"), ("selfservice", "spineselfservice"), ("alerts", "spinealertservice"),
                  ("dsa", "demographicspineapplication"), ("etpadmin", "prescriptionsadmin"),
                  ("srs", "spinereportingservice"), ("moles", "moles")]:
    dev[f"portal.{key}.url"] = f(NWW + path, S, d, "Portal URLs")
    dev[f"portal.{key}.ip"] = f("10.239.14.24", S, d, "Portal URLs: nww.dev.spine2.ncrs.nhs.uk")
for key, url in [("scr", NWW + "summarycarerecord/"),
                 ("scr1click", "http://nww.dev.spine2.ncrs.nhs.uk/oneclickscr/LSPValidator.jsp"),
                 ("saml", "https://sbapi.vn03.national.ncrs.nhs.uk/saml/RoleAssertion"),
                 ("eps", NWW + "prescriptionsadmin/"),
                 ("cis", "https://wfe.dev.iam.spine2.ncrs.nhs.uk/urswebapp/"),
                 ("epr", "https://wfe.dev.iam.spine2.ncrs.nhs.uk/eprwebapp/"),
                 ("srs", NWW + "spinereportingservice/"),
                 ("dsa", NWW + "demographicspineapplication/"),
                 ("das", "https://susportal.ota.national.ncrs.nhs.uk/Ardentia"),
                 ("ndsadmin", "https://susportal.ota.national.ncrs.nhs.uk/Ardentia/portal/jsp/index.jsp"),
                 ("tes", NWW + "spinealertservice/"),
                 ("sus", "https://susportal.ota.national.ncrs.nhs.uk/susportal/")]:
    dev[f"app.{key}.url"] = f(url, S, d, "Spine application URLs")
dev["ldap.url"] = f("ldaps://ldap.vn03.national.ncrs.nhs.uk:636", S, d, "System URLs: LDAPS, TCP 636")
GAS = "https://gas.vn03.national.ncrs.nhs.uk/login/"
SBAPI = "https://sbapi.vn03.national.ncrs.nhs.uk/"
dev["gas.activate.url"] = f(GAS + "authactivate", S, d, "System URLs: client side GAC URL")
dev["gas.logout.url"] = f(GAS + "authlogout", S, d, "System URLs: client side GAC URL")
dev["gas.validate.url"] = f(GAS + "authvalidate", S, d, "System URLs: server side GAS URL")
dev["sbapi.namingservice.url"] = f(SBAPI + "amserver/namingservice", S, d, "System URLs")
dev["sbapi.roleassertion.url"] = f(SBAPI + "saml/RoleAssertion", S, d, "System URLs")
dev["sbapi.roleselection.url"] = f(SBAPI + "saml/RoleSelectionGP.jsp", S, d, "Identity Agent 1 registry file")
dev["sbapi.roleselectionwt.url"] = f(SBAPI + "saml/RoleSelectionWT.jsp", S, d, "BT Identity Agent (IA13) registry file")
dev["sbapi.deviceidlogger.url"] = f(SBAPI + "ssb/DeviceIDLogger", S, d, "BT Identity Agent (IA13) registry file")
dev["cis2.issuer"] = f("https://am.nhsdev.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare",
                       P, "public-cis2")
dev["spine.partykey"] = f("YES-0000806", S, d, "Messaging URLs: Spine party key")
MSG = "https://msg.dev.spine2.ncrs.nhs.uk/"
for key, path in [("sync", "sync-service"), ("reliable", "reliablemessaging/reliablerequest"),
                  ("unreliable", "reliablemessaging/queryrequest"), ("intermediary", "reliablemessaging/intermediary"),
                  ("gazetteer", "addressfinder/query")]:
    dev[f"messaging.{key}.url"] = f(MSG + path, S, d, "Messaging URLs")
    dev[f"messaging.{key}.ip"] = f("10.239.14.29", S, d, "Messaging URLs: msg.dev.spine2.ncrs.nhs.uk")
dev["messaging.smsp.url"] = f("https://simple-sync.dev.spine2.ncrs.nhs.uk/smsp/pds", S, d, "Messaging URLs: TLS 1.2")
dev["messaging.smsp.ip"] = f("10.239.14.39", S, d, "Messaging URLs: simple-sync.dev.spine2.ncrs.nhs.uk")
dev["messaging.ssp.url"] = f("https://proxy.dev.spine2.ncrs.nhs.uk", S, d,
                             "Messaging URLs: printed as https://proxy.dev.spine2.ncrs.nhs.uk/[provider service root url]/[fhir request] "
                             "on a row the page labels 'Used for all SMSP messaging' (the integration page labels it GP Connect)")
dev["messaging.ssp.ip"] = f("10.239.14.34", S, d, "Messaging URLs: proxy.dev.spine2.ncrs.nhs.uk")
dev["firewall.range"] = f("10.239.67.128/25", S, d, "System URLs: hosts moved to AWS, their IP addresses are not constant")
dev["firewall.ports"] = f("636,443", S, d, "System URLs: 636 LDAP, 443 sbapi, GAS and portal")
dev["nat.messaging.host"] = f("msg-out.dev.spine2.ncrs.nhs.uk", S, d, "Outbound NAT addresses")
dev["nat.messaging.ip"] = f("10.239.14.104", S, d, "Outbound NAT addresses")
dev["nat.messaging.port"] = f("443", S, d, "Outbound NAT addresses")
dev["nat.tokenevents.address"] = f("10.196.94.115", S, d, "Outbound NAT addresses: token events to registered listeners")
dev["nat.tokenevents.port"] = f("443", S, d, "Outbound NAT addresses")
dev["ers.environments"] = f("Dev1,Dev3", S, d, "Development e-RS URLs")
dev["ers.dev1.description"] = f("e-RS services using the Spine Core development environment for messaging", S, d)
dev["ers.dev1.partykey"] = f("YEU-1808939", S, d, "e-RS Dev1")
dev["ers.dev1.asid"] = f("753468248012", S, d, "e-RS Dev1")
dev["ers.dev3.description"] = f("e-RS API development and functionality testing, using the Spine Core development environment for messaging", S, d)
dev["ers.dev3.partykey"] = f("YEF-820397", S, d, "e-RS Dev3")
dev["ers.dev3.asid"] = f("200000000296", S, d, "e-RS Dev3")
for sub, base in [("dev1", 150), ("dev3", 230)]:
    for kind, host, off in [("professional", f"nww.{sub}.ers.ncrs.nhs.uk", 0), ("patient", f"nww.pwa.{sub}.ers.ncrs.nhs.uk", 1),
                            ("api", f"api.{sub}.ers.ncrs.nhs.uk", 3), ("messaging", f"mhsin.{sub}.ers.ncrs.nhs.uk", 2)]:
        dev[f"ers.{sub}.{kind}.url"] = f("https://" + host, S, d, "e-RS " + sub.capitalize())
        dev[f"ers.{sub}.{kind}.ip"] = f(f"155.231.120.{base + off}", S, d, "e-RS " + sub.capitalize())
dev["tls.trust"] = f("nhs-ptl-root-authority,nhs-dev-level-1c,nhs-ptl-root-authority-g2,nhs-int-authentication-g2", I, "public-pki",
                     "the G1 pair (NHS PTL Root Authority, NHS DEV Level 1C) is printed on the development page; "
                     "the G2 PTL pair is printed on the integration page and is INFERRED to apply to development too")
dev["ca.root.name"] = f("NHS PTL Root", S, d, "RootCA (NHS PTL Root); certificate CN 'NHS PTL Root Authority'")
dev["ca.sub.name"] = f("NHS DEV Level 1C", S, d, "SubCA")
dev["mesh.hscn.url"] = f("https://msg.dev.spine2.ncrs.nhs.uk", S, d, "MESH keystore: primary URL (HSCN, deprecated)")
dev["mesh.keystore.path"] = f("C:\\MESH-APP-HOME\\Keystore\\meshdev.keystore", S, d, "MESH keystore")
dev["mesh.keystore.alias"] = f("meshDEV", S, d, "MESH keystore")
dev["services"] = f("SPINE_CORE,SMSP,SSP,MESH,CIS,ERS,ERS_API", S, d, "Services available")
dev["maintenance.core"] = f("Tue 20:00-Wed 06:00 weekly", S, d, "Maintenance slots: Spine Core")
dev["maintenance.cis"] = f("Mon 20:00-Tue 06:00 weekly", S, d, "Maintenance slots: Spine CIS")
dev["maintenance.ers.dev1"] = f("Mon 20:00-Tue 06:00 after-ers-release", S, d, "Maintenance slots: e-RS Dev1, the week following the live e-RS release")
dev["maintenance.ers.dev3"] = f("Thu 20:00-Mon 06:00 after-ers-release", S, d, "Maintenance slots: e-RS Dev3, the week following the live e-RS release")

it = {}
d = "seed-int"
it["usage"] = f("Test and assure products in an integrated environment, supervised by NHS Digital, against the Spine Core, "
                "Spine CIS and e-RS national systems. Not a proof of concept or early integration test environment; "
                "no access to other environments during downtime.", S, d)
it["network"] = f("HSCN (Health and Social Care Network)", S, d)
it["portal.url"] = f("https://portal.nis1.national.ncrs.nhs.uk", I, "inferred", "the integration page's portal URL was stripped")
it["ldap.url"] = f("ldaps://ldap.nis1.national.ncrs.nhs.uk:636", P, "public-mhs", "TCP 636 from the integration page")
GAS = "https://gas.nis1.national.ncrs.nhs.uk/login/"
SBAPI = "https://sbapi.nis1.national.ncrs.nhs.uk/"
it["gas.activate.url"] = f(GAS + "authactivate", P, "public", "path printed on the integration page")
it["gas.logout.url"] = f(GAS + "authlogout", P, "public", "path printed on the integration page")
it["gas.validate.url"] = f(GAS + "authvalidate", P, "public", "path printed on the integration page")
it["sbapi.namingservice.url"] = f(SBAPI + "amserver/namingservice", P, "public-sbapi", "path printed on the integration page")
it["sbapi.roleassertion.url"] = f(SBAPI + "saml/RoleAssertion", P, "public-sbapi", "path printed on the integration page")
it["sbapi.roleselection.url"] = f(SBAPI + "saml/RoleSelectionGP.jsp", I, "inferred", "public sbapi host with the development page's path")
it["sbapi.roleselectionwt.url"] = f(SBAPI + "saml/RoleSelectionWT.jsp", I, "inferred", "public sbapi host with the development page's path")
it["sbapi.deviceidlogger.url"] = f(SBAPI + "ssb/DeviceIDLogger", I, "inferred", "public sbapi host with the development page's path")
it["cis2.issuer"] = f("https://am.nhsint.auth-ptl.cis2.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare",
                      P, "public-cis2")
it["spine.core.ods"] = f("YES", P, "public-sds-fhir", "SPINE_CORE_ODS_CODE of the SDS FHIR API")
it["sds.fhir.url"] = f("https://int.api.service.nhs.uk/spine-directory/FHIR/R4", P, "public-sds-fhir")
it["spine.partykey"] = f("YES-0000806", S, d, "Messaging URLs: Spine party key")
MSG = "https://msg.int.spine2.ncrs.nhs.uk/"
for key, path in [("sync", "sync-service"), ("reliable", "reliablemessaging/reliablerequest"),
                  ("unreliable", "reliablemessaging/queryrequest"), ("intermediary", "reliablemessaging/intermediary"),
                  ("gazetteer", "addressfinder/query")]:
    it[f"messaging.{key}.url"] = f(MSG + path, P, "public-mhs", "the integration page lists the row with its URL stripped")
it["messaging.smsp.url"] = f("https://simple-sync.int.spine2.ncrs.nhs.uk/smsp/pds", P, "public", "TLS 1.2 per the integration page")
it["messaging.ssp.url"] = f("https://proxy.int.spine2.ncrs.nhs.uk", P, "public",
                            "requests go to <url>/[provider service root url]/[fhir request]; the page labels it GP Connect messaging, TLS 1.2")
it["messaging.internet.url"] = f("https://msg.intspineservices.nhs.uk", P, "public", "the integration page lists internet facing messaging, IP 'Varies'")
it["firewall.ports"] = f("636,443", S, d, "System URLs: the range to open to these ports was stripped from the page")
it["nat.messaging.port"] = f("443", S, d, "Outbound NAT addresses: the host name was stripped from the page")
it["nat.tokenevents.address"] = f("10.239.58.0/24", S, d, "Outbound NAT addresses: printed as '10..239.58.0/24'")
it["nat.tokenevents.port"] = f("any", S, d, "Outbound NAT addresses")
it["ers.environments"] = f("Int1", S, d, "Integration e-RS URLs and IP addresses")
it["ers.int1.description"] = f("e-RS services using the Spine Core integration environment for messaging; "
                               "professional webapp, patient webapp and e-RS API at 'Variable' IP addresses", S, d)
it["ers.int1.partykey"] = f("YEO-812583", S, d, "e-RS Int1")
it["ers.int1.asid"] = f("176887180519", S, d, "e-RS Int1")
it["tls.trust"] = f("nhs-ptl-root-authority-g2,nhs-int-authentication-g2,nhs-ptl-root-authority,nhs-int-level-1c", P, "public-pki",
                    "the G2 pair is printed on the integration page; the G1 pair comes from the public MESH client bundle")
it["ca.root.name"] = f("NHS PTL Root Authority G2", S, d, "Root CA, valid from 2 August 2022")
it["ca.sub.name"] = f("NHS INT Authentication G2", S, d, "SubCA, valid from 2 August 2022")
it["mesh.url"] = f("https://msg.intspineservices.nhs.uk", P, "public-mesh")
it["mesh.hscn.url"] = f("https://msg.int.spine2.ncrs.nhs.uk", P, "public-mesh", "HSCN, deprecated")
it["services"] = f("SPINE_CORE,SMSP,SSP,MESH,CIS,CIS2,CIM,ERS,ERS_API", S, d, "Services available")
it["maintenance.core"] = f("Mon 20:00-Tue 06:00 weekly; Wed 20:00-Thu 06:00 weekly", S, d, "Maintenance slots: Spine Core")
it["maintenance.cis"] = f("Tue 20:00-Wed 06:00 weekly", S, d, "Maintenance slots: Spine CIS")
it["maintenance.ers"] = f("Tue 20:00-Wed 06:00 after-ers-release", S, d,
                          "Maintenance slots: printed without its heading after Spine CIS, '(following live e-RS release)'")

dp = {}
d = "seed-dep"
dp["usage"] = f("Test applications in situ before live deployment, help suppliers and NHS organisations develop local site "
                "processes, procedures and change processes, and user acceptance testing (UAT) with NHS organisations. "
                "The product should have completed the integration test phase first.", S, d)
dp["network"] = f("HSCN (Health and Social Care Network)", S, d)
dp["app.epr.url"] = f("https://uim.vn1.national.ncrs.nhs.uk/eprwebapp/", S, d,
                      "Spine application URLs: printed as 'https:/uim.vn1.national.ncrs.nhs.ukeprwebapp/'")
dp["ldap.url"] = f("ldaps://ldap.vn1.national.ncrs.nhs.uk:636", P, "public-sds-fhir",
                  "the deployment page's LDAPS host was stripped; the SDS FHIR API's DEP back-end names it (was inferred)")
GAS = "https://gas.vn1.national.ncrs.nhs.uk/login/"
dp["gas.activate.url"] = f(GAS + "authactivate", P, "public", "path printed on the deployment page")
dp["gas.logout.url"] = f(GAS + "authlogout", P, "public", "path printed on the deployment page")
dp["gas.validate.url"] = f(GAS + "authvalidate", P, "public", "path printed on the deployment page")
dp["spine.core.ods"] = f("YES", P, "public-sds-fhir", "SPINE_CORE_ODS_CODE of the SDS FHIR API")
dp["sds.fhir.url"] = f("https://dep.api.service.nhs.uk/spine-directory/FHIR/R4", P, "public-sds-fhir")
dp["spine.partykey"] = f("YES-0000806", S, d, "Messaging URLs: Spine party key")
MSG = "https://msg.dep.spine2.ncrs.nhs.uk/"
for key, path in [("sync", "sync-service"), ("reliable", "reliablemessaging/reliablerequest"),
                  ("unreliable", "reliablemessaging/queryrequest"), ("intermediary", "reliablemessaging/intermediary"),
                  ("gazetteer", "addressfinder/query")]:
    dp[f"messaging.{key}.url"] = f(MSG + path, I, "inferred",
                                   "host public (MESH client), path as on the development page; the deployment page's URL was stripped")
dp["messaging.internet.url"] = f("https://msg.depspineservices.nhs.uk", P, "public-mesh", "the deployment page lists internet facing messaging, IP 'Varies'")
dp["firewall.ports"] = f("636,443", S, d, "System URLs: the range to open to these ports was stripped from the page")
dp["nat.messaging.port"] = f("443", S, d, "Outbound NAT addresses: the host name was stripped from the page")
dp["nat.tokenevents.port"] = f("any", S, d, "Outbound NAT addresses: the address was stripped from the page")
dp["ers.environments"] = f("Dep1,Dep2", S, d, "Deployment e-RS")
dp["ers.dep1.description"] = f("e-RS services using the Spine Core deployment environment for messaging", S, d)
dp["ers.dep1.partykey"] = f("YEO-11809150", S, d, "e-RS Dep1")
dp["ers.dep1.asid"] = f("606179841014", S, d, "e-RS Dep1")
dp["ers.dep2.description"] = f("Professional and patient web apps are listed; no URL, party key or ASID is published", S, d)
dp["tls.trust"] = f("nhs-ptl-root-authority-g2,nhs-int-authentication-g2,nhs-ptl-root-authority,nhs-dep-level-1c", P, "public-pki",
                    "the G1 pair is named on the deployment page; the public MESH client trusts the G2 PTL pair for deployment too")
dp["ca.root.name"] = f("NHS PTL Root Authority", S, d, "RootCA")
dp["ca.sub.name"] = f("NHS DEP Level1C", S, d, "SubCA, as printed; certificate CN 'NHS DEP Level 1C'")
dp["mesh.url"] = f("https://msg.depspineservices.nhs.uk", P, "public-mesh")
dp["mesh.hscn.url"] = f("https://msg.dep.spine2.ncrs.nhs.uk", P, "public-mesh", "HSCN, deprecated; the deployment page's primary URL was stripped")
dp["mesh.keystore.path"] = f("C:\\MESH-APP-HOME\\Keystore\\meshdep.keystore", S, d, "MESH keystore")
dp["mesh.keystore.alias"] = f("meshDEP", S, d, "MESH keystore")
dp["services"] = f("SPINE_CORE,SMSP,SSP,MESH,CIS,ERS,ERS_API", S, d, "Services available")
dp["maintenance.core"] = f("Thu 20:00-Fri 06:00 weekly", S, d, "Maintenance slots: Spine Core")
dp["maintenance.cis"] = f("Wed 20:00-Thu 06:00 weekly", S, d, "Maintenance slots: Spine CIS")
dp["maintenance.ers"] = f("Wed 20:00-Thu 06:00 after-ers-release", S, d,
                          "Maintenance slots: printed without its heading after Spine CIS, '(following live e-RS release)'")

lv = {}
lv["ldap.url"] = f("ldaps://ldap.national.ncrs.nhs.uk:636", P, "public-live-ldap")
GAS = "https://gas.national.ncrs.nhs.uk/login/"
lv["gas.activate.url"] = f(GAS + "authactivate", P, "public")
lv["gas.logout.url"] = f(GAS + "authlogout", P, "public")
lv["gas.validate.url"] = f(GAS + "authvalidate", P, "public")
lv["cis2.issuer"] = f("https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare",
                      P, "public-cis2")
lv["sds.fhir.url"] = f("https://api.service.nhs.uk/spine-directory/FHIR/R4", P, "public-sds-fhir")
lv["sds.fhir.sandbox.url"] = f("https://sandbox.api.service.nhs.uk/spine-directory/FHIR/R4", P, "public-sds-fhir",
                               "mock data; no key check, quota or cache")
lv["spine.core.ods"] = f("YEA", P, "public-sds-fhir", "SPINE_CORE_ODS_CODE of the SDS FHIR API's prod configuration")
lv["messaging.ssp.url"] = f("https://proxy.national.ncrs.nhs.uk", P, "public",
                            "requests go to <url>/[provider service root url]/[fhir request]")
lv["tls.trust"] = f("nhs-root-authority-g2,nhs-authentication-g2", P, "public-pki",
                    "G2 live only; the G1 live CAs expired on 2024-06-04 and are never trusted")
lv["mesh.url"] = f("https://mesh-sync.spineservices.nhs.uk", P, "public-mesh")
lv["mesh.hscn.url"] = f("https://mesh-sync.national.ncrs.nhs.uk", P, "public-mesh", "HSCN, deprecated")

catalog = {
    "edition": EDITION,
    "about": None,
    "sources": SOURCES,
    "environments": {"development": dev, "integration": it, "deployment": dp, "live": lv},
}
del catalog["about"]
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "main", "resources", "io", "spinekit", "env", "environments.json")
with open(out, "w", encoding="utf-8", newline="\n") as fh:
    json.dump(catalog, fh, indent=1, ensure_ascii=False)
    fh.write("\n")
print("wrote", os.path.normpath(out), sum(len(e) for e in catalog["environments"].values()), "facts")
