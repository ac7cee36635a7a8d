package com.betterfleet.access.authorisation.identifier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

class IdentifierItemValidatorTest {
    // a clock at the end of the storable range, so that no changedAt below counts as ahead of it
    private final IdentifierItemValidator validator = new IdentifierItemValidator(new IdentifierHasher("contract-test-pepper"),
            Clock.fixed(Instant.parse("9999-12-31T23:59:59Z"), ZoneOffset.UTC));

    private static RawIdentifierItem upsert(String accessClass, String agreementId, String validFrom, String validUntil) {
        return new RawIdentifierItem("upsert", "acc-A", "04:a2:3f:9a", "ISO14443", accessClass, "bus-1", agreementId, "active",
                validFrom, validUntil);
    }

    private List<String> failingFields(RawIdentifierItem raw) {
        ItemValidation v = validator.validate(raw, List.of());
        assertFalse(v.valid());
        return v.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void turnsAValidUpsertIntoAHashedEntry() {
        ItemValidation v = validator.validate(upsert("own_fleet", null, null, null), List.of());
        assertTrue(v.valid());
        IdentifierCommand.Upsert upsert = assertInstanceOf(IdentifierCommand.Upsert.class, v.command());
        assertEquals("RFID ••••3F9A", upsert.idMask());
        assertEquals("fe07043a8bbaa1f7546132a7d18ffad4835a2d7bf77bcd3a4cefc0b727d20e8d", upsert.identifierEntry().idHash());
    }

    @Test
    void deleteNeedsOnlyAccountAndToken() {
        ItemValidation v = validator.validate(
                new RawIdentifierItem("delete", "acc-A", "04A23F9A", null, null, null, null, null, null, null), List.of());
        assertInstanceOf(IdentifierCommand.Delete.class, v.command());
    }

    @Test
    void rejectsAnAgreementWithoutAgreementId() {
        assertEquals(List.of("agreementId"), failingFields(upsert("agreement", null, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "op", "accountId", "idToken", "idTokenType", "accessClass", "vehicleId", "agreementId", "status",
            "validFrom", "validUntil", "changedAt" })
    void rejectsAControlCharacterInAnyTextFieldWithoutMaskingTheToken(String field) {
        String[] values = { "upsert", "acc-A", "04A23F9A", "ISO14443", "agreement", "bus-1", "agr-1", "active",
                "2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z", "2029-01-01T00:00:00Z" };
        List<String> names = List.of("op", "accountId", "idToken", "idTokenType", "accessClass", "vehicleId", "agreementId",
                "status", "validFrom", "validUntil", "changedAt");
        int i = names.indexOf(field);
        values[i] = i % 2 == 0 ? values[i] + "\u0000" : "\u001f" + values[i];
        RawIdentifierItem raw = new RawIdentifierItem(values[0], values[1], values[2], values[3], values[4], values[5],
                values[6], values[7], values[8], values[9], values[10]);
        ItemValidation v = validator.validate(raw, List.of());
        assertEquals(List.of(field), v.violations().stream().map(FieldViolation::field).toList());
        assertNull(v.idMask(), "no mask of a token with control characters (it would reach the feed's log)");
    }

    @Test
    void rejectsDelAndTabsInATokenButNotOtherCharacters() {
        assertEquals(List.of("idToken"), failingFields(new RawIdentifierItem("delete", "acc-A", "AB\u007fCD", null, null, null,
                null, null, null, null)));
        assertEquals(List.of("idToken"), failingFields(new RawIdentifierItem("delete", "acc-A", "AB\tCD", null, null, null,
                null, null, null, null)));
        assertTrue(validator.validate(new RawIdentifierItem("delete", "acc-A", "ÄB-€ 12", null, null, null, null, null, null,
                null), List.of()).valid());
    }

    @Test
    void rejectsValidityShorterThanTheMicrosecondTheDatabaseKeeps() {
        // 100 ns and 900 ns after the same microsecond: equal in timestamptz, so not a validity at all
        assertEquals(List.of("validUntil"),
                failingFields(upsert("own_fleet", null, "2030-01-01T00:00:00.0000001Z", "2030-01-01T00:00:00.0000009Z")));
        ItemValidation oneMicro = validator.validate(
                upsert("own_fleet", null, "2030-01-01T00:00:00.0000009Z", "2030-01-01T00:00:00.0000011Z"), List.of());
        RegisteredIdentifier stored = assertInstanceOf(IdentifierCommand.Upsert.class, oneMicro.command()).identifierEntry();
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), stored.validFrom(), "stored as the database keeps it");
        assertEquals(Instant.parse("2030-01-01T00:00:00.000001Z"), stored.validUntil());
    }

    @Test
    void rejectsValidityEndingBeforeItStarts() {
        assertEquals(List.of("validUntil"),
                failingFields(upsert("own_fleet", null, "2030-01-02T00:00:00Z", "2030-01-01T00:00:00+01:00")));
    }

    @Test
    void rejectsValidityOutsideTheYearsEveryServiceCanStore() {
        assertEquals(List.of("validUntil"), failingFields(upsert("own_fleet", null, null, "+20000-01-01T00:00:00Z")));
        assertEquals(List.of("validUntil"),
                failingFields(upsert("own_fleet", null, null, "+999999999-12-31T23:59:59-18:00")));
        assertEquals(List.of("validFrom"), failingFields(upsert("own_fleet", null, "1969-12-31T23:59:59Z", null)));
        assertTrue(validator.validate(upsert("own_fleet", null, "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z"), List.of())
                .valid(), "the edges of the range are accepted");
    }

    @Test
    void rejectsUnknownEnumValuesAndMissingFields() {
        assertEquals(List.of("op", "accountId", "idTokenType", "accessClass", "status"), failingFields(
                new RawIdentifierItem("merge", null, "04A23F9A", "Badge", "staff", null, null, "paused", null, null)));
    }

    @Test
    void rejectsATokenOverThirtySixCharactersWithoutMaskingIt() {
        ItemValidation v = validator.validate(new RawIdentifierItem("upsert", "acc-A", "X".repeat(37), "Local", "own_fleet",
                null, null, "active", null, null), List.of());
        assertEquals(List.of("idToken"), v.violations().stream().map(FieldViolation::field).toList());
        assertNull(v.idMask());
    }

    @Test
    void reportsTheMaskOfARejectedItemWhenTheTokenIsUsable() {
        ItemValidation v = validator.validate(upsert("own_fleet", null, "yesterday", null), List.of());
        assertEquals("RFID ••••3F9A", v.idMask());
    }

    @Test
    void keepsViolationsFoundWhileReading() {
        ItemValidation v = validator.validate(upsert("own_fleet", null, null, null),
                List.of(new FieldViolation("vehicleId", "must be a string")));
        assertEquals(List.of("vehicleId"), v.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void refusesNoAuthorizationAsARegistryType() {
        assertEquals(List.of("idTokenType"), failingFields(new RawIdentifierItem("upsert", "acc-A", "04A23F9A",
                "NoAuthorization", "own_fleet", null, null, "active", null, null)));
    }

    private static RawIdentifierItem withChangedAt(String op, String changedAt) {
        return "delete".equals(op)
                ? new RawIdentifierItem("delete", "acc-A", "04A23F9A", null, null, null, null, null, null, null, changedAt)
                : new RawIdentifierItem("upsert", "acc-A", "04A23F9A", "ISO14443", "own_fleet", null, null, "active", null,
                        null, changedAt);
    }

    @Test
    void carriesChangedAtOnUpsertsAndDeletes() {
        assertEquals(Instant.parse("2030-01-01T09:00:00Z"),
                validator.validate(withChangedAt("upsert", "2030-01-01T10:00:00+01:00"), List.of()).command().changedAt());
        assertEquals(Instant.parse("2030-01-01T09:00:00Z"),
                validator.validate(withChangedAt("delete", "2030-01-01T09:00:00Z"), List.of()).command().changedAt());
        assertNull(validator.validate(withChangedAt("upsert", null), List.of()).command().changedAt(), "optional");
    }

    @Test
    void keepsChangedAtToTheMicrosecondTheDatabaseStores() {
        assertEquals(Instant.parse("2030-01-01T09:00:00.123456Z"),
                validator.validate(withChangedAt("upsert", "2030-01-01T09:00:00.123456789Z"), List.of()).command().changedAt());
    }

    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "2030-01-01T09:00:00", "2030-01-01", "1969-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z", "2030-13-01T00:00:00Z" })
    void rejectsAChangedAtThatIsNoInstantWithOffsetInTheStorableYears(String changedAt) {
        for (String op : List.of("upsert", "delete")) {
            assertEquals(List.of("changedAt"), failingFields(withChangedAt(op, changedAt)), op + " " + changedAt);
        }
    }

    @Test
    void refusesAChangedAtMoreThanFiveMinutesAheadOfTheRegistryClock() {
        IdentifierItemValidator at9 = new IdentifierItemValidator(new IdentifierHasher("contract-test-pepper"),
                Clock.fixed(Instant.parse("2030-01-01T09:00:00Z"), ZoneOffset.UTC));
        assertTrue(at9.validate(withChangedAt("upsert", "2030-01-01T09:05:00Z"), List.of()).valid(), "clock skew allowed");
        for (String op : List.of("upsert", "delete")) {
            ItemValidation ahead = at9.validate(withChangedAt(op, "2030-01-01T09:05:00.001Z"), List.of());
            assertEquals(List.of("changedAt"), ahead.violations().stream().map(FieldViolation::field).toList(), op);
        }
    }

    @Test
    void acceptsTheEdgesOfTheChangedAtRange() {
        assertTrue(validator.validate(withChangedAt("upsert", "1970-01-01T00:00:00Z"), List.of()).valid());
        assertTrue(validator.validate(withChangedAt("delete", "9999-12-31T23:59:59Z"), List.of()).valid());
    }
}
