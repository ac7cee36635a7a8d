package com.betterfleet.access.authorisation.decision.domain;

import static com.betterfleet.access.authorisation.testdata.ChargerStateBuilder.freevendAt;
import static com.betterfleet.access.authorisation.testdata.ChargerStateBuilder.managedAt;
import static com.betterfleet.access.authorisation.testdata.RegisteredIdentifierBuilder.agreement;
import static com.betterfleet.access.authorisation.testdata.RegisteredIdentifierBuilder.ownFleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.betterfleet.access.authorisation.chargerstate.domain.AccessMode;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerAccess;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.chargerstate.domain.PolicySource;
import com.betterfleet.access.authorisation.identifier.domain.AccessClass;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierStatus;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
import com.betterfleet.access.authorisation.testdata.ChargerStateBuilder;
import com.betterfleet.access.authorisation.testdata.RegisteredIdentifierBuilder;

/** decisions.md section 5, row by row, in both OCPP vocabularies, and the expiryDate rule. */
class DecisionTableTest {
    private static final Instant NOW = Instant.parse("2030-03-04T10:00:00Z");
    private static final Instant DAY_AGO = NOW.minus(Duration.ofDays(1));
    private static final Instant DAY_AHEAD = NOW.plus(Duration.ofDays(1));
    private static final Instant HOUR_AHEAD = NOW.plus(Duration.ofHours(1));

    private static AccessDecision decide(ChargerState charger, boolean freevendTag, RegisteredIdentifier... candidates) {
        return DecisionTable.decide(ChargerAccess.at("CP-1", charger, NOW), freevendTag, List.of(candidates), NOW);
    }

    static Stream<Arguments> table() {
        ChargerState managed = managedAt(NOW).build();
        ChargerState freevend = freevendAt(NOW).build();
        return Stream.of(
                Arguments.of("freevend, unknown tag", decide(freevend, false), DecisionReason.FREEVEND, "Accepted", "Accepted"),
                Arguments.of("freevend, blocked tag", decide(freevend, false, ownFleet().status(IdentifierStatus.BLOCKED).build()),
                        DecisionReason.FREEVEND, "Accepted", "Accepted"),
                Arguments.of("freevend, family's freevend tag", decide(freevend, true), DecisionReason.FREEVEND, "Accepted",
                        "Accepted"),
                Arguments.of("own fleet active", decide(managed, false, ownFleet().build()), DecisionReason.OWN_FLEET,
                        "Accepted", "Accepted"),
                Arguments.of("agreement within validity",
                        decide(managed, false, agreement("agr-1").validFrom(DAY_AGO).validUntil(DAY_AHEAD).build()),
                        DecisionReason.AGREEMENT, "Accepted", "Accepted"),
                Arguments.of("unknown", decide(managed, false), DecisionReason.UNKNOWN_IDENTIFIER, "Invalid", "Unknown"),
                Arguments.of("inactive", decide(managed, false, ownFleet().status(IdentifierStatus.INACTIVE).build()),
                        DecisionReason.INACTIVE_IDENTIFIER, "Blocked", "Blocked"),
                Arguments.of("blocked", decide(managed, false, ownFleet().status(IdentifierStatus.BLOCKED).build()),
                        DecisionReason.BLOCKED_IDENTIFIER, "Blocked", "Blocked"),
                Arguments.of("own fleet past validUntil", decide(managed, false, ownFleet().validUntil(NOW).build()),
                        DecisionReason.EXPIRED_IDENTIFIER, "Expired", "Expired"),
                Arguments.of("agreement past validity", decide(managed, false, agreement("agr-1").validUntil(DAY_AGO).build()),
                        DecisionReason.STALE_AGREEMENT, "Expired", "Expired"),
                Arguments.of("own fleet not valid yet", decide(managed, false, ownFleet().validFrom(HOUR_AHEAD).build()),
                        DecisionReason.NOT_YET_VALID, "Invalid", "NotAtThisTime"),
                Arguments.of("agreement not valid yet", decide(managed, false, agreement("agr-1").validFrom(DAY_AHEAD).build()),
                        DecisionReason.NOT_YET_VALID, "Invalid", "NotAtThisTime"),
                Arguments.of("family's freevend tag in managed access", decide(managed, true),
                        DecisionReason.FREEVEND_TAG_IN_MANAGED_ACCESS, "Invalid", "Unknown"),
                Arguments.of("family's freevend tag even if registered", decide(managed, true, ownFleet().build()),
                        DecisionReason.FREEVEND_TAG_IN_MANAGED_ACCESS, "Invalid", "Unknown"),
                Arguments.of("known charger without policy, own fleet",
                        decide(managedAt(NOW).withoutPolicy().build(), false, ownFleet().build()),
                        DecisionReason.OWN_FLEET, "Accepted", "Accepted"),
                Arguments.of("charger never heard of, an account's own fleet tag", decide(null, false, ownFleet().build()),
                        DecisionReason.UNKNOWN_IDENTIFIER, "Invalid", "Unknown"),
                Arguments.of("charger never heard of, unknown", decide(null, false), DecisionReason.UNKNOWN_IDENTIFIER,
                        "Invalid", "Unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answersInBothVocabularies(String scenario, AccessDecision decision, DecisionReason reason, String ocpp16,
            String ocpp201) {
        assertEquals(reason, decision.reason());
        assertEquals(ocpp16, decision.statusIn(OcppProtocol.OCPP16));
        assertEquals(ocpp201, decision.statusIn(OcppProtocol.OCPP201));
        assertEquals(reason.outcome() == Outcome.ALLOWED ? "allowed" : "denied", decision.outcome().wire());
    }

    @Test
    void blockedWinsOverExpired() {
        assertEquals(DecisionReason.BLOCKED_IDENTIFIER,
                decide(managedAt(NOW).build(), false, ownFleet().status(IdentifierStatus.BLOCKED).validUntil(DAY_AGO).build())
                        .reason());
    }

    @Test
    void expiryDateIsTheEndOfTheManagedPeriod() {
        AccessDecision d = decide(managedAt(NOW).untilIn(Duration.ofHours(2)).build(), false,
                ownFleet().validUntil(DAY_AHEAD).build());
        assertEquals(NOW.plus(Duration.ofHours(2)), d.expiryDate());
    }

    @Test
    void expiryDateIsTheIdentifiersValidUntilWhenEarlier() {
        AccessDecision d = decide(managedAt(NOW).untilIn(Duration.ofHours(2)).build(), false,
                agreement("agr-1").validUntil(HOUR_AHEAD).build());
        assertEquals(HOUR_AHEAD, d.expiryDate());
    }

    @Test
    void expiryDateIsValidUntilWhenTheManagedPeriodHasNoEnd() {
        assertEquals(DAY_AHEAD, decide(managedAt(NOW).noEnd().build(), false, ownFleet().validUntil(DAY_AHEAD).build())
                .expiryDate());
        assertNull(decide(managedAt(NOW).noEnd().build(), false, ownFleet().build()).expiryDate());
    }

    @Test
    void expiryDateIsShortWhenTheManagedPeriodHasEndedAndTheNextModeIsLate() {
        ChargerState ended = managedAt(NOW).period(NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofSeconds(1))).build();
        AccessDecision d = decide(ended, false, ownFleet().build());
        assertEquals(DecisionReason.OWN_FLEET, d.reason());
        assertEquals(NOW.plus(DecisionTable.UNKNOWN_PERIOD_END_EXPIRY), d.expiryDate());
    }

    @Test
    void expiryDateIsShortWhenTheManagedPeriodEndsExactlyNow() {
        ChargerState ended = managedAt(NOW).period(NOW.minus(Duration.ofHours(3)), NOW).build();
        assertEquals(NOW.plus(DecisionTable.UNKNOWN_PERIOD_END_EXPIRY),
                decide(ended, false, ownFleet().build()).expiryDate());
    }

    @Test
    void expiryDateAfterAnEndedManagedPeriodIsStillCappedByValidUntil() {
        ChargerState ended = managedAt(NOW).period(NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofSeconds(1))).build();
        Instant soon = NOW.plus(Duration.ofMinutes(1));
        assertEquals(soon, decide(ended, false, ownFleet().validUntil(soon).build()).expiryDate());
    }

    @Test
    void expiryDateIsShortWhenAFreevendPeriodHasEndedAndTheNextModeIsLate() {
        ChargerState ended = freevendAt(NOW).period(NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofSeconds(1))).build();
        AccessDecision d = decide(ended, false, ownFleet().build());
        assertEquals(AccessMode.MANAGED_ACCESS, d.accessMode());
        assertEquals(NOW.plus(DecisionTable.UNKNOWN_PERIOD_END_EXPIRY), d.expiryDate());
    }

    @Test
    void expiryDateBeforeAnUpcomingFreevendPeriodIsItsStart() {
        ChargerState upcoming = freevendAt(NOW).period(NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofHours(1))).build();
        assertEquals(NOW.plus(Duration.ofMinutes(5)), decide(upcoming, false, ownFleet().build()).expiryDate());
    }

    @Test
    void expiryDateIsInWholeSecondsRoundedDown() {
        Instant fractional = HOUR_AHEAD.plusNanos(999_999_000);
        assertEquals(HOUR_AHEAD, decide(managedAt(NOW).untilIn(Duration.ofHours(2)).build(), false,
                agreement("agr-1").validUntil(fractional).build()).expiryDate());
        assertEquals(HOUR_AHEAD, decide(freevendAt(NOW).untilIn(Duration.ofHours(1).plusNanos(123_456_000)).build(), false)
                .expiryDate());
    }

    @Test
    void expiryDateIsNeverInThePast() {
        for (long secondsAgo : new long[] {0, 1, 60, 86_400}) {
            ChargerState ended = managedAt(NOW).period(NOW.minus(Duration.ofDays(2)), NOW.minusSeconds(secondsAgo)).build();
            Instant expiry = decide(ended, false, ownFleet().validUntil(DAY_AHEAD).build()).expiryDate();
            assertTrue(expiry.isAfter(NOW), "ended " + secondsAgo + " s ago: " + expiry);
        }
    }

    @Test
    void chargerWithoutPolicyHasNoPeriodEndSoOnlyValidUntilLimitsTheExpiryDate() {
        ChargerState noPolicy = managedAt(NOW).withoutPolicy().build();
        assertNull(decide(noPolicy, false, ownFleet().build()).expiryDate());
        assertEquals(DAY_AHEAD, decide(noPolicy, false, ownFleet().validUntil(DAY_AHEAD).build()).expiryDate());
    }

    @Test
    void expiryDateInFreevendIsTheEndOfTheFreevendPeriod() {
        assertEquals(NOW.plus(Duration.ofMinutes(30)),
                decide(freevendAt(NOW).untilIn(Duration.ofMinutes(30)).build(), false).expiryDate());
    }

    @Test
    void deniedDecisionsHaveNoExpiryDate() {
        assertNull(decide(managedAt(NOW).build(), false).expiryDate());
    }

    @Test
    void chargerWithoutPolicyIsManagedAccessWithPolicySourceNone() {
        AccessDecision d = decide(null, false);
        assertEquals(AccessMode.MANAGED_ACCESS, d.accessMode());
        assertEquals(PolicySource.NONE, d.policySource());
        assertNull(d.accountId());
    }

    @Test
    void chargerNeverHeardOfUsesNoAccountsRegistration() {
        // Its account is unknown, so no registration can be its own fleet or one of its agreements.
        AccessDecision d = decide(null, false, ownFleet().account("acc-B").status(IdentifierStatus.BLOCKED).build(),
                ownFleet().account("acc-C").build(), agreement("agr-1").account("acc-D").build());
        assertEquals(DecisionReason.UNKNOWN_IDENTIFIER, d.reason());
        assertNull(d.accountId());
        assertNull(d.identifier());
        assertNull(d.expiryDate());
    }

    @Test
    void knownChargerWithoutPolicyMatchesOnlyItsOwnAccount() {
        ChargerState noPolicy = managedAt(NOW).withoutPolicy().account("acc-C").build();
        AccessDecision own = decide(noPolicy, false, ownFleet().account("acc-B").build(), ownFleet().account("acc-C").build());
        assertEquals(DecisionReason.OWN_FLEET, own.reason());
        assertEquals("acc-C", own.accountId());
        assertEquals(PolicySource.NONE, own.policySource());
        assertEquals(DecisionReason.UNKNOWN_IDENTIFIER, decide(noPolicy, false, ownFleet().account("acc-B").build()).reason());
    }

    @Test
    void agreementCountsOnlyForChargersOfTheAccountThatRegisteredIt() {
        ChargerState managed = managedAt(NOW).account("acc-A").build();
        assertEquals(DecisionReason.UNKNOWN_IDENTIFIER,
                decide(managed, false, agreement("agr-1").account("acc-B").build()).reason());
        assertEquals(DecisionReason.AGREEMENT, decide(managed, false, agreement("agr-1").account("acc-B").build(),
                agreement("agr-2").account("acc-A").build()).reason());
    }

    @Test
    void knownChargerOnlyMatchesIdentifiersOfItsAccount() {
        AccessDecision d = decide(managedAt(NOW).account("acc-A").build(), false, ownFleet().account("acc-B").build());
        assertEquals(DecisionReason.UNKNOWN_IDENTIFIER, d.reason());
        assertEquals("acc-A", d.accountId());
    }

    @Test
    void freevendPeriodThatHasEndedIsTreatedAsManagedAccess() {
        ChargerState ended = freevendAt(NOW).period(NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofSeconds(1))).build();
        AccessDecision d = decide(ended, false);
        assertEquals(AccessMode.MANAGED_ACCESS, d.accessMode());
        assertEquals(DecisionReason.UNKNOWN_IDENTIFIER, d.reason());
    }

    @Test
    void freevendPeriodNotStartedYetIsManagedAccessUntilItStarts() {
        ChargerState upcoming = freevendAt(NOW).period(NOW.plus(Duration.ofMinutes(5)), NOW.plus(Duration.ofHours(1))).build();
        ChargerAccess access = ChargerAccess.at("CP-1", upcoming, NOW);
        assertEquals(AccessMode.MANAGED_ACCESS, access.mode());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), access.until());
    }

    /**
     * expiryDate and the fail-closed rule with {@code modeUntil} (the first change of the mode
     * itself) next to {@code until} (the next boundary of any kind). Every row: an own-fleet
     * identifier, the mode announced 3 hours ago.
     */
    @Nested
    class WithModeUntil {
        private static final Duration H1 = Duration.ofHours(1);
        private static final Duration H3 = Duration.ofHours(3);
        private static final Duration SECOND_AGO = Duration.ofSeconds(-1);
        private static final Duration HOUR_AGO = Duration.ofHours(-1);
        private static final Instant SOON = NOW.plus(DecisionTable.UNKNOWN_PERIOD_END_EXPIRY);
        /** modeUntil not in the event: an older producer. */
        private static final Object ABSENT = "absent";
        /** modeUntil: null in the event: no change of mode within the producer's horizon. */
        private static final Object NONE = "none";

        private static ChargerState charger(AccessMode mode, Duration until, Object modeUntil) {
            ChargerStateBuilder b = (mode == AccessMode.FREEVEND ? freevendAt(NOW) : managedAt(NOW))
                    .period(NOW.minus(H3), NOW.plus(until));
            if (modeUntil == NONE) {
                b.modeUntil(null);
            } else if (modeUntil instanceof Duration d) {
                b.modeUntilIn(d);
            }
            return b.build();
        }

        static Stream<Arguments> expiry() {
            AccessMode managed = AccessMode.MANAGED_ACCESS;
            AccessMode freevend = AccessMode.FREEVEND;
            return Stream.of(
                    // mode, until, modeUntil, identifier validUntil, -> access mode, reason, expiryDate
                    Arguments.of(managed, H1, H3, null, managed, DecisionReason.OWN_FLEET, NOW.plus(H3)),
                    Arguments.of(managed, H1, ABSENT, null, managed, DecisionReason.OWN_FLEET, NOW.plus(H1)),
                    Arguments.of(managed, H1, NONE, null, managed, DecisionReason.OWN_FLEET, null),
                    Arguments.of(managed, H1, NONE, DAY_AHEAD, managed, DecisionReason.OWN_FLEET, DAY_AHEAD),
                    Arguments.of(managed, H1, H3, NOW.plus(Duration.ofMinutes(30)), managed, DecisionReason.OWN_FLEET,
                            NOW.plus(Duration.ofMinutes(30))),
                    Arguments.of(managed, H1, H3, DAY_AHEAD, managed, DecisionReason.OWN_FLEET, NOW.plus(H3)),
                    Arguments.of(managed, SECOND_AGO, H3, null, managed, DecisionReason.OWN_FLEET, NOW.plus(H3)),
                    Arguments.of(managed, SECOND_AGO, ABSENT, null, managed, DecisionReason.OWN_FLEET, SOON),
                    Arguments.of(managed, HOUR_AGO, SECOND_AGO, null, managed, DecisionReason.OWN_FLEET, SOON),
                    Arguments.of(managed, HOUR_AGO, Duration.ZERO, null, managed, DecisionReason.OWN_FLEET, SOON),
                    Arguments.of(managed, SECOND_AGO, NONE, null, managed, DecisionReason.OWN_FLEET, null),
                    Arguments.of(managed, SECOND_AGO, NONE, DAY_AHEAD, managed, DecisionReason.OWN_FLEET, DAY_AHEAD),
                    Arguments.of(freevend, H1, H3, null, freevend, DecisionReason.FREEVEND, NOW.plus(H3)),
                    Arguments.of(freevend, H1, ABSENT, null, freevend, DecisionReason.FREEVEND, NOW.plus(H1)),
                    Arguments.of(freevend, H1, NONE, null, freevend, DecisionReason.FREEVEND, null),
                    Arguments.of(freevend, SECOND_AGO, H3, null, freevend, DecisionReason.FREEVEND, NOW.plus(H3)),
                    Arguments.of(freevend, Duration.ZERO, H3, null, freevend, DecisionReason.FREEVEND, NOW.plus(H3)),
                    Arguments.of(freevend, SECOND_AGO, NONE, null, freevend, DecisionReason.FREEVEND, null),
                    Arguments.of(freevend, SECOND_AGO, ABSENT, null, managed, DecisionReason.OWN_FLEET, SOON),
                    Arguments.of(freevend, HOUR_AGO, SECOND_AGO, null, managed, DecisionReason.OWN_FLEET, SOON),
                    Arguments.of(freevend, HOUR_AGO, Duration.ZERO, null, managed, DecisionReason.OWN_FLEET, SOON),
                    Arguments.of(freevend, HOUR_AGO, SECOND_AGO, NOW.plus(Duration.ofMinutes(1)), managed,
                            DecisionReason.OWN_FLEET, NOW.plus(Duration.ofMinutes(1))));
        }

        @ParameterizedTest(name = "{0}, until {1}, modeUntil {2}, validUntil {3}")
        @MethodSource("expiry")
        void expiryDateIsTheEndOfTheModeItself(AccessMode mode, Duration until, Object modeUntil, Instant validUntil,
                AccessMode accessMode, DecisionReason reason, Instant expiryDate) {
            RegisteredIdentifierBuilder id = ownFleet();
            if (validUntil != null) {
                id.validUntil(validUntil);
            }
            AccessDecision d = decide(charger(mode, until, modeUntil), false, id.build());
            assertEquals(accessMode, d.accessMode(), "access mode");
            assertEquals(reason, d.reason(), "reason");
            assertEquals(expiryDate, d.expiryDate(), "expiryDate");
        }

        @Test
        void freevendPastAWindowHandOverStillAcceptsAnyIdentifier() {
            ChargerState handedOver = charger(AccessMode.FREEVEND, SECOND_AGO, H3);
            AccessDecision d = decide(handedOver, false);
            assertEquals(DecisionReason.FREEVEND, d.reason());
            assertEquals("Accepted", d.statusIn(OcppProtocol.OCPP16));
            assertEquals(NOW.plus(H3), d.expiryDate());
            assertNull(d.charger().windowId(), "the window after the hand-over is not known yet");
        }

        @Test
        void freevendPastModeUntilDeniesAnUnknownIdentifierFailClosed() {
            AccessDecision d = decide(charger(AccessMode.FREEVEND, HOUR_AGO, SECOND_AGO), false);
            assertEquals(AccessMode.MANAGED_ACCESS, d.accessMode());
            assertEquals(DecisionReason.UNKNOWN_IDENTIFIER, d.reason());
        }

        @Test
        void freevendTagPastAWindowHandOverIsStillFreevend() {
            assertEquals(DecisionReason.FREEVEND, decide(charger(AccessMode.FREEVEND, SECOND_AGO, H3), true).reason());
            assertEquals(DecisionReason.FREEVEND_TAG_IN_MANAGED_ACCESS,
                    decide(charger(AccessMode.FREEVEND, HOUR_AGO, SECOND_AGO), true).reason());
        }
    }

    /** An untyped idTag "ab12cd34": looked up as an idTag ("AB12CD34") and verbatim ("ab12cd34"). */
    private static AccessDecision decideUntyped(List<RegisteredIdentifier> asIdTag, List<RegisteredIdentifier> verbatim) {
        return DecisionTable.decide(ChargerAccess.at("CP-1", managedAt(NOW).build(), NOW), false, asIdTag, verbatim, NOW);
    }

    private static RegisteredIdentifierBuilder card() {
        return ownFleet().token("ab12cd34", IdTokenType.ISO14443);
    }

    private static RegisteredIdentifierBuilder keyCode() {
        return ownFleet().token("ab12cd34", IdTokenType.KeyCode);
    }

    @Test
    void untypedIdTagMatchesAVerbatimRegistrationOfATypeWithoutHexRule() {
        for (IdTokenType type : List.of(IdTokenType.KeyCode, IdTokenType.Local, IdTokenType.eMAID, IdTokenType.Central)) {
            RegisteredIdentifier entry = ownFleet().token("ab12cd34", type).build();
            AccessDecision d = decideUntyped(List.of(), List.of(entry));
            assertEquals(DecisionReason.OWN_FLEET, d.reason(), type.name());
            assertEquals(entry, d.identifier());
        }
    }

    @Test
    void verbatimMatchIsScopedToTheChargersAccountToo() {
        assertEquals(DecisionReason.UNKNOWN_IDENTIFIER,
                decideUntyped(List.of(), List.of(keyCode().account("acc-B").build())).reason());
        assertEquals(DecisionReason.UNKNOWN_IDENTIFIER, DecisionTable.decide(ChargerAccess.at("CP-1", null, NOW), false,
                List.of(), List.of(keyCode().build()), NOW).reason());
    }

    @Test
    void verbatimMatchIgnoresTypesWithHexRule() {
        // Such a type never stores lower-case hex octets; an entry claiming so is not trusted.
        RegisteredIdentifier odd = new RegisteredIdentifier("acc-A", keyCode().build().idHash(),
                IdTokenType.ISO14443, AccessClass.OWN_FLEET, null, null, IdentifierStatus.ACTIVE, null, null);
        assertEquals(DecisionReason.UNKNOWN_IDENTIFIER, decideUntyped(List.of(), List.of(odd)).reason());
    }

    @Test
    void bothMatchAndBothAllowTheIdTagMatchIsUsed() {
        RegisteredIdentifier asIdTag = card().build();
        AccessDecision d = decideUntyped(List.of(asIdTag), List.of(agreement("agr-1").token("ab12cd34", IdTokenType.Local)
                .build()));
        assertEquals(DecisionReason.OWN_FLEET, d.reason());
        assertEquals(asIdTag, d.identifier());
    }

    @Test
    void bothMatchABlockedOneWins() {
        RegisteredIdentifier blockedCard = card().status(IdentifierStatus.BLOCKED).build();
        RegisteredIdentifier blockedKey = keyCode().status(IdentifierStatus.BLOCKED).build();
        assertEquals(blockedCard, decideUntyped(List.of(blockedCard), List.of(keyCode().build())).identifier());
        assertEquals(blockedKey, decideUntyped(List.of(card().build()), List.of(blockedKey)).identifier());
        assertEquals(DecisionReason.BLOCKED_IDENTIFIER,
                decideUntyped(List.of(card().build()), List.of(blockedKey)).reason());
    }

    @Test
    void bothMatchAnAllowingOneWinsOverALapsedOne() {
        RegisteredIdentifier key = keyCode().build();
        AccessDecision d = decideUntyped(List.of(card().validUntil(DAY_AGO).build()), List.of(key));
        assertEquals(DecisionReason.OWN_FLEET, d.reason());
        assertEquals(key, d.identifier());
        assertEquals(DecisionReason.OWN_FLEET,
                decideUntyped(List.of(card().build()), List.of(keyCode().status(IdentifierStatus.INACTIVE).build())).reason());
    }

    @Test
    void bothMatchAndNeitherAllowsTheIdTagMatchsDenialIsUsed() {
        AccessDecision d = decideUntyped(List.of(card().validFrom(DAY_AHEAD).build()),
                List.of(keyCode().status(IdentifierStatus.INACTIVE).build()));
        assertEquals(DecisionReason.NOT_YET_VALID, d.reason());
        assertEquals(DecisionReason.INACTIVE_IDENTIFIER, decideUntyped(List.of(card().status(IdentifierStatus.INACTIVE)
                .build()), List.of(keyCode().validUntil(DAY_AGO).build())).reason());
    }

    @Test
    void theFamilysFreevendTagIsDeniedBeforeAnyLookup() {
        AccessDecision d = DecisionTable.decide(ChargerAccess.at("CP-1", managedAt(NOW).build(), NOW), true, List.of(),
                List.of(keyCode().build()), NOW);
        assertEquals(DecisionReason.FREEVEND_TAG_IN_MANAGED_ACCESS, d.reason());
    }

    @Test
    void freevendTagCheckUsesTheChargersFamilyOrAllFamiliesWhenUnknown() {
        FreevendTags tags = new FreevendTags(java.util.Map.of("MicroOcpp", "h-micro", "Zaptec", "h-zaptec"));
        assertEquals(true, tags.isFreevendTag("microocpp", "h-micro"));
        assertEquals(false, tags.isFreevendTag("MicroOcpp", "h-zaptec"));
        assertEquals(true, tags.isFreevendTag(null, "h-zaptec"));
        assertEquals(true, tags.isFreevendTag("Easee", "h-micro"));
        assertEquals(false, tags.isFreevendTag(null, "h-other"));
    }

    @Test
    void aFamilyConfiguredWithoutATagHasNoFreevendTag() {
        FreevendTags tags = new FreevendTags(java.util.Map.of("MicroOcpp", "h-micro"), java.util.Set.of("Easee"));
        assertEquals(false, tags.isFreevendTag("easee", "h-micro"), "another family's tag at an Easee charger");
        assertEquals(true, tags.isFreevendTag("MicroOcpp", "h-micro"));
        assertEquals(true, tags.isFreevendTag("UnknownFamily", "h-micro"), "an unconfigured family: every tag");
        assertEquals(true, tags.isFreevendTag(null, "h-micro"), "no family reported: every tag");
        assertEquals(true, tags.isFreevendToken("Easee", IdTokenType.NoAuthorization, "h-empty"),
                "NoAuthorization stays the freevend token of every family");
    }

    @Test
    void aFamilyWithATagIsCheckedAgainstItEvenIfAlsoListedWithout() {
        FreevendTags tags = new FreevendTags(java.util.Map.of("Zaptec", "h-zaptec"), java.util.Set.of("zaptec"));
        assertEquals(true, tags.isFreevendTag("Zaptec", "h-zaptec"));
    }

    @Test
    void noAuthorizationIsTheFreevendTokenOfEveryFamilyAndNoOtherTypeIs() {
        FreevendTags tags = new FreevendTags(java.util.Map.of("MicroOcpp", "h-micro"));
        FreevendTags none = FreevendTags.none();
        assertEquals(true, none.isFreevendToken(null, IdTokenType.NoAuthorization, "h-empty"));
        assertEquals(true, tags.isFreevendToken("MicroOcpp", IdTokenType.NoAuthorization, "h-empty"));
        assertEquals(true, tags.isFreevendToken("MicroOcpp", null, "h-micro"));
        assertEquals(false, tags.isFreevendToken("MicroOcpp", IdTokenType.Central, "h-other"));
        assertEquals(false, none.isFreevendToken(null, IdTokenType.ISO14443, "h-empty"));
    }
}
