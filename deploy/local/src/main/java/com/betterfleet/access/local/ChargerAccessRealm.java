package com.betterfleet.access.local;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code charger-access} realm of the local Keycloak, as a realm import document: the four
 * realm roles and one confidential client-credentials client per kind of caller. Every client
 * puts its realm roles in a top-level {@code groups} claim (what the services read, as with
 * LocalTokenIssuer) besides Keycloak's own {@code realm_access.roles}.
 */
final class ChargerAccessRealm {
    static final String NAME = "charger-access";
    static final String DEMO_ACCOUNT = "acc-demo";
    static final List<String> ROLES = List.of("access-admin", "access-viewer", "access-authoriser", "identifier-sync");

    private static final Map<String, String> ROLE_DESCRIPTIONS = Map.of(
            "access-admin", "Write policies, capability, overrides and identifiers",
            "access-viewer", "Read policies, modes and decisions",
            "access-authoriser", "Machine: ask for Authorize decisions (charger gateway)",
            "identifier-sync", "Machine: import the identifier feed (Manage Core)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChargerAccessRealm() {
    }

    /** The clients, each with a new random secret. */
    static List<OidcClient> newClients() {
        return List.of(
                new OidcClient("manage-operator", RandomSecret.generate(), List.of("access-admin", "access-viewer"), DEMO_ACCOUNT),
                new OidcClient("ops-viewer", RandomSecret.generate(), List.of("access-viewer"), DEMO_ACCOUNT),
                new OidcClient("charger-gateway", RandomSecret.generate(), List.of("access-authoriser"), null),
                new OidcClient("core-identifier-sync", RandomSecret.generate(), List.of("identifier-sync"), null));
    }

    /** The realm import JSON (it holds the secrets: write it only under .run). */
    static String importJson(List<OidcClient> clients) {
        ObjectNode realm = JSON.createObjectNode()
                .put("realm", NAME)
                .put("enabled", true)
                // Plain HTTP is only ever served on 127.0.0.1 here, which "external" allows.
                .put("sslRequired", "external")
                .put("accessTokenLifespan", 900);
        ArrayNode roles = realm.putObject("roles").putArray("realm");
        ROLES.forEach(role -> roles.addObject().put("name", role).put("description", ROLE_DESCRIPTIONS.get(role)));
        ArrayNode clientNodes = realm.putArray("clients");
        ArrayNode users = realm.putArray("users");
        for (OidcClient client : clients) {
            clientNodes.add(client(client));
            users.add(serviceAccount(client));
        }
        return realm.toPrettyString();
    }

    private static ObjectNode client(OidcClient client) {
        ObjectNode node = JSON.createObjectNode()
                .put("clientId", client.clientId())
                .put("enabled", true)
                .put("protocol", "openid-connect")
                .put("publicClient", false)
                .put("clientAuthenticatorType", "client-secret")
                .put("secret", client.secret())
                // Client credentials only: no browser login, no password grant.
                .put("serviceAccountsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", false);
        ArrayNode mappers = node.putArray("protocolMappers");
        ObjectNode groups = mapper(mappers, "realm roles in groups", "oidc-usermodel-realm-role-mapper", "groups");
        ((ObjectNode) groups.get("config")).put("multivalued", "true");
        if (client.accountId() != null) {
            ObjectNode account = mapper(mappers, "account id", "oidc-hardcoded-claim-mapper", "account_id");
            ((ObjectNode) account.get("config")).put("claim.value", client.accountId());
        }
        return node;
    }

    private static ObjectNode mapper(ArrayNode mappers, String name, String type, String claim) {
        ObjectNode mapper = mappers.addObject()
                .put("name", name)
                .put("protocol", "openid-connect")
                .put("protocolMapper", type);
        mapper.putObject("config")
                .put("claim.name", claim)
                .put("jsonType.label", "String")
                .put("access.token.claim", "true")
                .put("introspection.token.claim", "true")
                .put("id.token.claim", "false")
                .put("userinfo.token.claim", "false");
        return mapper;
    }

    /** Keycloak's representation of a client's service account and its realm roles. */
    private static ObjectNode serviceAccount(OidcClient client) {
        ObjectNode user = JSON.createObjectNode()
                .put("username", "service-account-" + client.clientId())
                .put("enabled", true)
                .put("serviceAccountClientId", client.clientId());
        ArrayNode roles = user.putArray("realmRoles");
        client.roles().forEach(roles::add);
        return user;
    }
}
