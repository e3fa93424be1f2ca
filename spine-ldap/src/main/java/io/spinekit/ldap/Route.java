package io.spinekit.ldap;

import io.spinekit.env.Asid;
import io.spinekit.env.InteractionId;
import io.spinekit.env.OdsCode;
import io.spinekit.env.PartyKey;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to send one interaction to one organisation: an {@code nhsMhs} record merged with
 * the {@code nhsAs} accredited system of the same party key.
 *
 * <p>For a direct route every value comes from the receiver's records. For a route through Spine's
 * reliable intermediary ({@link #intermediary()} present) the message goes to the intermediary:
 * {@link #endpoint()}, {@link #fqdn()} and {@link #reliability()} are the intermediary's, while the
 * party key, ASID, CPA id, service and interaction names stay the receiver's (the message is
 * addressed to the receiver and forwarded by Spine).
 *
 * <p><b>Equality.</b> Two routes are equal when a message sent on either goes to the same place the
 * same way: the same {@code odsCode}, {@code interactionId}, {@code endpoint}, {@code fqdn},
 * {@code partyKey}, {@code asid}, {@code cpaId}, {@code serviceName}, {@code interactionName},
 * {@code reliability} and {@link #viaIntermediary()}. The source records ({@code mhs},
 * {@code accreditedSystem}, {@code intermediary}) and {@code authentication} are what the back-end
 * read, and are not compared: the SDS FHIR API exposes no DN, approval date or
 * {@code nhsMhsIsAuthenticated}, so a route read over LDAP equals the same route read over FHIR.
 *
 * @param odsCode the receiving organisation
 * @param interactionId the interaction
 * @param endpoint where to send the message
 * @param fqdn the host the endpoint's certificate is issued to
 * @param partyKey the receiving party key
 * @param asid the receiving accredited system
 * @param cpaId the collaboration protocol agreement id
 * @param serviceName the service name ({@code nhsMhsSN})
 * @param interactionName the interaction name ({@code nhsMhsIN})
 * @param reliability the ebXML reliability settings of the hop the message is sent on
 * @param authentication whether the MHS that receives the message authenticates its peers
 *        ({@code nhsMhsIsAuthenticated}); empty over FHIR, which does not expose it
 * @param mhs the receiver's MHS record
 * @param accreditedSystem the receiver's accredited system
 * @param intermediary Spine's intermediary MHS record, for a forward-reliable route
 */
public record Route(OdsCode odsCode, InteractionId interactionId, URI endpoint, String fqdn, PartyKey partyKey,
        Asid asid, String cpaId, String serviceName, String interactionName, Reliability reliability,
        Optional<Authentication> authentication, MhsRecord mhs, AccreditedSystem accreditedSystem,
        Optional<MhsRecord> intermediary) {

    /**
     * Checks that the components are present.
     *
     * @param odsCode ODS code
     * @param interactionId interaction
     * @param endpoint endpoint
     * @param fqdn FQDN
     * @param partyKey party key
     * @param asid ASID
     * @param cpaId CPA id
     * @param serviceName service name
     * @param interactionName interaction name
     * @param reliability reliability
     * @param authentication authentication
     * @param mhs MHS record
     * @param accreditedSystem accredited system
     * @param intermediary intermediary MHS record
     */
    public Route {
        Objects.requireNonNull(odsCode, "odsCode");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fqdn, "fqdn");
        Objects.requireNonNull(partyKey, "partyKey");
        Objects.requireNonNull(asid, "asid");
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(interactionName, "interactionName");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(mhs, "mhs");
        Objects.requireNonNull(accreditedSystem, "accreditedSystem");
        Objects.requireNonNull(intermediary, "intermediary");
    }

    /**
     * Merges an MHS record with its accredited system into a direct route.
     *
     * @param mhs the receiver's MHS record
     * @param as the accredited system with the same party key
     * @return the route
     */
    static Route direct(MhsRecord mhs, AccreditedSystem as) {
        return new Route(mhs.odsCode(), mhs.interactionId(), mhs.endpoint(), mhs.fqdn(), mhs.partyKey(), as.asid(),
                mhs.cpaId(), mhs.serviceName(), mhs.interactionName(), mhs.reliability(), mhs.authentication(), mhs,
                as, Optional.empty());
    }

    /**
     * The same route sent through an intermediary MHS.
     *
     * @param via the intermediary's MHS record
     * @return a new route
     */
    Route through(MhsRecord via) {
        return new Route(odsCode, interactionId, via.endpoint(), via.fqdn(), partyKey, asid, cpaId, serviceName,
                interactionName, via.reliability(), via.authentication(), mhs, accreditedSystem, Optional.of(via));
    }

    /**
     * Whether the MHS that receives the message authenticates its peers.
     *
     * @return {@code true} when {@code nhsMhsIsAuthenticated} is present and not {@code none}
     */
    public boolean authenticated() {
        return authentication.isPresent() && authentication.get() != Authentication.NONE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && odsCode.equals(r.odsCode) && interactionId.equals(r.interactionId)
                && endpoint.equals(r.endpoint) && fqdn.equals(r.fqdn) && partyKey.equals(r.partyKey)
                && asid.equals(r.asid) && cpaId.equals(r.cpaId) && serviceName.equals(r.serviceName)
                && interactionName.equals(r.interactionName) && reliability.equals(r.reliability)
                && viaIntermediary() == r.viaIntermediary();
    }

    @Override
    public int hashCode() {
        return Objects.hash(odsCode, interactionId, endpoint, fqdn, partyKey, asid, cpaId, serviceName,
                interactionName, reliability, viaIntermediary());
    }

    /**
     * Whether this route goes through Spine's reliable intermediary.
     *
     * @return {@code true} when {@link #intermediary()} is present
     */
    public boolean viaIntermediary() {
        return intermediary.isPresent();
    }
}
