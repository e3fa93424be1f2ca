package io.spinekit.cis;

import io.spinekit.core.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A CIS2 OpenID Connect discovery document ({@code issuer + /.well-known/openid-configuration}):
 * the issuer, the endpoints, the JWKS URI and what the provider supports.
 *
 * <p>{@link #parse(String)} requires {@code issuer}, {@code authorization_endpoint} and {@code jwks_uri}
 * (all https) and checks the types of the rest. {@link CisClient#discovery()} also checks that the
 * document's issuer is the environment's (see {@link Cis2Issuer#matches(String)}).
 *
 * @param issuer the {@code issuer} exactly as published
 * @param authorizationEndpoint {@code authorization_endpoint}
 * @param tokenEndpoint {@code token_endpoint}
 * @param userinfoEndpoint {@code userinfo_endpoint}
 * @param endSessionEndpoint {@code end_session_endpoint}
 * @param jwksUri {@code jwks_uri}: the provider's signing keys
 * @param scopesSupported {@code scopes_supported}, such as {@code openid}, {@code nationalrbacaccess}
 * @param claimsSupported {@code claims_supported}, such as {@code nhsid_useruid}
 * @param responseTypesSupported {@code response_types_supported}
 * @param grantTypesSupported {@code grant_types_supported}
 * @param idTokenSigningAlgValuesSupported {@code id_token_signing_alg_values_supported}
 * @param tokenEndpointAuthMethodsSupported {@code token_endpoint_auth_methods_supported}
 */
public record OidcDiscovery(String issuer, URI authorizationEndpoint, Optional<URI> tokenEndpoint,
        Optional<URI> userinfoEndpoint, Optional<URI> endSessionEndpoint, URI jwksUri, List<String> scopesSupported,
        List<String> claimsSupported, List<String> responseTypesSupported, List<String> grantTypesSupported,
        List<String> idTokenSigningAlgValuesSupported, List<String> tokenEndpointAuthMethodsSupported) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHAT = "CIS2 discovery document";

    /**
     * Checks and copies.
     *
     * @param issuer issuer
     * @param authorizationEndpoint authorization endpoint
     * @param tokenEndpoint token endpoint
     * @param userinfoEndpoint userinfo endpoint
     * @param endSessionEndpoint end-session endpoint
     * @param jwksUri JWKS URI
     * @param scopesSupported scopes
     * @param claimsSupported claims
     * @param responseTypesSupported response types
     * @param grantTypesSupported grant types
     * @param idTokenSigningAlgValuesSupported signing algorithms
     * @param tokenEndpointAuthMethodsSupported token endpoint auth methods
     */
    public OidcDiscovery {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(userinfoEndpoint, "userinfoEndpoint");
        Objects.requireNonNull(endSessionEndpoint, "endSessionEndpoint");
        Objects.requireNonNull(jwksUri, "jwksUri");
        scopesSupported = List.copyOf(scopesSupported);
        claimsSupported = List.copyOf(claimsSupported);
        responseTypesSupported = List.copyOf(responseTypesSupported);
        grantTypesSupported = List.copyOf(grantTypesSupported);
        idTokenSigningAlgValuesSupported = List.copyOf(idTokenSigningAlgValuesSupported);
        tokenEndpointAuthMethodsSupported = List.copyOf(tokenEndpointAuthMethodsSupported);
    }

    /**
     * Parses a discovery document.
     *
     * @param json the document
     * @return the discovery
     * @throws CisException (INVALID_DISCOVERY) naming the field and what was expected
     */
    public static OidcDiscovery parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " is not a JSON object");
        }
        String issuer = requiredText(root, "issuer");
        Cis2Issuer.of(issuer);
        return new OidcDiscovery(issuer, https(root, "authorization_endpoint").orElseThrow(() -> missing("authorization_endpoint")),
                https(root, "token_endpoint"), https(root, "userinfo_endpoint"), https(root, "end_session_endpoint"),
                https(root, "jwks_uri").orElseThrow(() -> missing("jwks_uri")), strings(root, "scopes_supported"),
                strings(root, "claims_supported"), strings(root, "response_types_supported"),
                strings(root, "grant_types_supported"), strings(root, "id_token_signing_alg_values_supported"),
                strings(root, "token_endpoint_auth_methods_supported"));
    }

    /**
     * The issuer as a {@link Cis2Issuer}.
     *
     * @return the issuer
     */
    public Cis2Issuer cis2Issuer() {
        return Cis2Issuer.of(issuer);
    }

    /**
     * Whether the provider lists a scope.
     *
     * @param scope for example {@code nationalrbacaccess}
     * @return true if it is in {@link #scopesSupported()}
     */
    public boolean supportsScope(String scope) {
        return scopesSupported.contains(scope);
    }

    private static CisException missing(String field) {
        return new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " has no " + field
                + ": an OpenID provider must publish it");
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw missing(field);
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " field " + field
                    + " is not a non-empty string");
        }
        return n.asText();
    }

    private static Optional<URI> https(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " field " + field + " is not a string");
        }
        try {
            URI u = new URI(n.asText().strip());
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " field " + field + " "
                        + Text.quote(n.asText()) + " is not an https URL");
            }
            return Optional.of(u);
        } catch (URISyntaxException e) {
            throw new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " field " + field + " "
                    + Text.quote(n.asText()) + " is not a URL: " + Text.escape(e.getReason()), e);
        }
    }

    private static List<String> strings(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " field " + field
                    + " is not an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new CisException(CisException.Reason.INVALID_DISCOVERY, WHAT + " field " + field
                        + " contains a non-string value");
            }
            out.add(e.asText());
        }
        return out;
    }
}
