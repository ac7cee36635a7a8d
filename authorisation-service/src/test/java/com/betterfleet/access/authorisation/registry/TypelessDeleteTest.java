package com.betterfleet.access.authorisation.registry;

import static com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder.delete;
import static com.betterfleet.access.authorisation.testdata.IdentifierItemBuilder.ownFleet;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.testsupport.Api;
import com.betterfleet.access.authorisation.testsupport.Database;
import com.betterfleet.access.authorisation.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A delete without idTokenType (identifier-item.schema.json allows it) removes the registration
 * that the given value names under the registration's own type: the one whose type's normalisation
 * of the value yields its stored hash. Only ISO14443, ISO15693 and MacAddress upper-case hex octets,
 * so a typeless value with lower-case hex or separators can name two registrations; then nothing
 * is removed and the item is rejected, asking for idTokenType.
 */
@QuarkusTest
class TypelessDeleteTest {
    private static final String SYNC = Tokens.machine("identifier-sync");

    private static String account() {
        return "acc-td-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Eight random lower-case hex digits: hex octets the hex rule changes. */
    private static String lowerHex() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static long live(String account) {
        return Database.count("SELECT count(*) FROM identifier WHERE account_id = ? AND NOT deleted", account);
    }

    private static long liveOfType(String account, String type) {
        return Database.count("SELECT count(*) FROM identifier WHERE account_id = ? AND NOT deleted AND id_token_type = ?",
                account, type);
    }

    @Test
    void removesALowerCaseHexKeyCodeOrLocalRegistration() {
        for (String type : List.of("KeyCode", "Local", "eMAID", "Central")) {
            String account = account();
            String value = lowerHex();
            Api.register(List.of(ownFleet(account, value).type(type).map()));

            Api.batch(SYNC, List.of(delete(account, value).map())).statusCode(200)
                    .body("results[0].status", equalTo("deleted"));
            assertEquals(0, live(account), type);
        }
    }

    @Test
    void doesNotRemoveAnotherKeyCodeWhoseValueIsTheUpperCaseForm() {
        String account = account();
        String value = lowerHex();
        // KeyCodes are case-sensitive: "AB12CD34" is not the KeyCode "ab12cd34"
        Api.register(List.of(ownFleet(account, value.toUpperCase()).type("KeyCode").map()));

        Api.batch(SYNC, List.of(delete(account, value).map())).statusCode(200)
                .body("results[0].status", equalTo("not_found"));
        assertEquals(1, live(account));
    }

    @Test
    void removesAnRfidCardItsOwnNormalisationNames() {
        String account = account();
        String value = lowerHex();
        Api.register(List.of(ownFleet(account, value.toUpperCase()).type("ISO14443").map()));

        Api.batch(SYNC, List.of(delete(account, value.substring(0, 2) + ":" + value.substring(2, 4) + ":"
                + value.substring(4, 6) + ":" + value.substring(6)).map())).statusCode(200)
                .body("results[0].status", equalTo("deleted"));
        assertEquals(0, live(account));
    }

    @Test
    void rejectsADeleteThatNamesBothAnRfidCardAndAKeyCodeAndRemovesNeither() {
        String account = account();
        String value = lowerHex();
        Api.register(List.of(ownFleet(account, value.toUpperCase()).type("ISO14443").map(),
                ownFleet(account, value).type("KeyCode").map()));
        assertEquals(2, live(account));

        Api.batch(SYNC, List.of(delete(account, value).map())).statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].problem.status", equalTo(409))
                .body("results[0].problem.type",
                        equalTo("https://problems.betterfleet.example/charger-access/ambiguous-identifier"))
                .body("results[0].problem.errors[0].field", equalTo("idTokenType"));
        assertEquals(2, live(account));

        // naming the type removes exactly that one
        Api.batch(SYNC, List.of(delete(account, value).type("KeyCode").map())).statusCode(200)
                .body("results[0].status", equalTo("deleted"));
        assertEquals(1, liveOfType(account, "ISO14443"));
        assertEquals(0, liveOfType(account, "KeyCode"));
    }

    @Test
    void aValueTheHexRuleLeavesAloneStillRemovesWhateverIsRegisteredUnderIt() {
        String account = account();
        String local = "FLEET-" + lowerHex();
        String card = lowerHex().toUpperCase();
        Api.register(List.of(ownFleet(account, local).type("Local").map(), ownFleet(account, card).type("ISO14443").map()));

        Api.batch(SYNC, List.of(delete(account, local).map(), delete(account, card).map())).statusCode(200)
                .body("results.status", equalTo(List.of("deleted", "deleted")));
        assertEquals(0, live(account));
    }

    @Test
    void followsEarlierItemsOfTheSameBatch() {
        String account = account();
        String value = lowerHex();
        Api.batch(SYNC, List.of(
                ownFleet(account, value).type("KeyCode").map(),
                delete(account, value).map(),
                delete(account, value).map(),
                ownFleet(account, value).type("Local").map()))
                .statusCode(200)
                .body("results.status", equalTo(List.of("created", "deleted", "not_found", "created")));
        assertEquals(1, liveOfType(account, "Local"));
    }
}
