package io.spinekit.benchmarks.ldap;

import static io.spinekit.testkit.EmbeddedSds.accreditedSystem;
import static io.spinekit.testkit.EmbeddedSds.mhs;
import static io.spinekit.testkit.EmbeddedSds.organisation;

import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.testkit.EmbeddedSds;

/** The directory every SDS benchmark runs against: an embedded SDS over LDAPS requiring a client certificate. */
final class SdsFixture {
    static final String PSIS = "urn:nhs:names:services:psis:REPC_IN150016UK05";
    static final OdsCode X26 = OdsCode.of("X26");
    static final InteractionId PSIS_ID = InteractionId.of(PSIS);
    /**
     * Other organisations' MHS and AS records. Kept small on purpose: UnboundID's in-memory directory
     * evaluates the filter against every entry under the base (about 1.5-3 ms per search with 400
     * entries on a busy 2-core machine), which would measure the test server rather than the client.
     */
    static final int OTHER_ORGANISATIONS = 20;

    private SdsFixture() {
    }

    /**
     * Starts a directory with one route (X26, PSIS), an organisation and {@value #OTHER_ORGANISATIONS} other organisations'
     * records, so searches have entries to skip.
     *
     * @return the running directory
     */
    static EmbeddedSds start() {
        EmbeddedSds sds = EmbeddedSds.builder().clientAuth(EmbeddedSds.ClientAuth.REQUIRED).start();
        sds.addMhs(mhs("X26", PSIS).partyKey("X26-823848").endpoint("https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/reliablerequest")
                .reliability("PT5M", "2", "PT1M")
                .messaging("always", "always", "MSHSignalsOnly", "urn:oasis:names:tc:ebxml-msg:actor:toPartyMSH"));
        sds.addAccreditedSystem(accreditedSystem("918999198738", "X26").partyKey("X26-823848").interactions(PSIS));
        sds.addOrganisation(organisation("X26", "NHS ENGLAND"));
        for (int i = 0; i < OTHER_ORGANISATIONS; i++) {
            String ods = String.format("B%05d", i);
            sds.addMhs(mhs(ods, PSIS).partyKey(ods + "-000001"));
            sds.addAccreditedSystem(accreditedSystem(String.format("7%011d", i), ods).partyKey(ods + "-000001")
                    .interactions(PSIS));
        }
        return sds;
    }
}
