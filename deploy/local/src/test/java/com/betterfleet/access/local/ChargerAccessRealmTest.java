package com.betterfleet.access.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The realm document Keycloak imports; Keycloak itself is exercised by run.sh --smoke. */
class ChargerAccessRealmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyClientIsAConfidentialServiceAccountWithItsRolesInGroups() throws Exception {
        List<OidcClient> clients = ChargerAccessRealm.newClients();
        JsonNode realm = JSON.readTree(ChargerAccessRealm.importJson(clients));

        assertEquals("charger-access", realm.get("realm").asText());
        assertEquals(Set.of("access-admin", "access-viewer", "access-authoriser", "identifier-sync"),
                texts(realm.at("/roles/realm"), "name"));
        for (OidcClient client : clients) {
            JsonNode node = find(realm.get("clients"), "clientId", client.clientId());
            assertFalse(node.get("publicClient").asBoolean());
            assertTrue(node.get("serviceAccountsEnabled").asBoolean());
            assertFalse(node.get("directAccessGrantsEnabled").asBoolean(), "no password grant");
            assertEquals(client.secret(), node.get("secret").asText());
            JsonNode groups = find(node.get("protocolMappers"), "protocolMapper", "oidc-usermodel-realm-role-mapper");
            assertEquals("groups", groups.at("/config/claim.name").asText());
            assertEquals("true", groups.at("/config/multivalued").asText());
            JsonNode user = find(realm.get("users"), "serviceAccountClientId", client.clientId());
            assertEquals(Set.copyOf(client.roles()), texts(user.get("realmRoles"), null));
        }
    }

    @Test
    void onlyTheHumanStandInsCarryAnAccount() throws Exception {
        List<OidcClient> clients = ChargerAccessRealm.newClients();
        JsonNode realm = JSON.readTree(ChargerAccessRealm.importJson(clients));
        Map<String, String> expected = Map.of("manage-operator", "acc-demo", "ops-viewer", "acc-demo");
        for (OidcClient client : clients) {
            JsonNode mappers = find(realm.get("clients"), "clientId", client.clientId()).get("protocolMappers");
            JsonNode account = findOrNull(mappers, "protocolMapper", "oidc-hardcoded-claim-mapper");
            String accountId = expected.get(client.clientId());
            assertEquals(accountId, client.accountId());
            if (accountId == null) {
                assertNull(account, client.clientId() + " is a machine caller: no account_id");
            } else {
                assertEquals("account_id", account.at("/config/claim.name").asText());
                assertEquals(accountId, account.at("/config/claim.value").asText());
            }
        }
    }

    @Test
    void secretsAreFreshAndStayOutOfToString() {
        List<OidcClient> first = ChargerAccessRealm.newClients();
        List<OidcClient> second = ChargerAccessRealm.newClients();
        Set<String> secrets = new HashSet<>();
        first.forEach(c -> secrets.add(c.secret()));
        second.forEach(c -> secrets.add(c.secret()));
        assertEquals(8, secrets.size());
        first.forEach(c -> assertFalse(c.toString().contains(c.secret())));
    }

    @Test
    void pepperIsKeptAcrossRunsAndReadableByItsOwnerOnly(@TempDir Path run) throws Exception {
        Path file = run.resolve("pepper");
        String pepper = LocalPepper.load(file);

        assertEquals(pepper, LocalPepper.load(file));
        assertTrue(pepper.length() >= 43);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        JsonNode found = findOrNull(array, field, value);
        if (found == null) {
            throw new AssertionError("no element with " + field + "=" + value + " in " + array);
        }
        return found;
    }

    private static JsonNode findOrNull(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        return null;
    }

    private static Set<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(field == null ? e.asText() : e.get(field).asText()));
        return Set.copyOf(values);
    }
}
