package com.betterfleet.access.accesspolicy.capability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.accesspolicy.capability.adapter.out.profiles.FamilyProfiles;
import com.betterfleet.access.accesspolicy.capability.domain.Capability;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityReason;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityReport;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityRules;
import com.betterfleet.access.accesspolicy.capability.domain.CapabilityState;
import com.betterfleet.access.accesspolicy.capability.domain.ChargerFamily;
import com.betterfleet.access.accesspolicy.capability.domain.FamilyCatalog;
import com.betterfleet.access.accesspolicy.capability.domain.KeyResult;
import com.betterfleet.access.accesspolicy.capability.domain.Protocol;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Capability derivation (decisions.md section 3) over the built-in family profiles. */
class CapabilityRulesTest {
    private static final FamilyCatalog FAMILIES = FamilyProfiles.builtIn(new ObjectMapper());

    private static Capability derive(Protocol protocol, String family, boolean gatewayAuthorises, KeyResult... answers) {
        return CapabilityRules.derive(new CapabilityReport(protocol, family, gatewayAuthorises, List.of(answers)), FAMILIES);
    }

    private static List<String> codes(Capability capability) {
        return capability.reasons().stream().map(CapabilityReason::code).toList();
    }

    @Test
    void builtInProfilesShipTheFamiliesOfTheDecisions() {
        assertThat(FAMILIES.families().stream().map(ChargerFamily::name).toList(), containsInAnyOrder(
                "FreevendEnabled", "FreeVend", "MicroOcpp", "Zaptec", "Easee", "Ocpp201Standard"));
        assertThat(FAMILIES.find("microocpp").orElseThrow().idTagKey().orElseThrow(), equalTo("Cst_FreeVendIdTag"));
        assertThat(FAMILIES.find("Zaptec").orElseThrow().idTagKey().orElseThrow(), equalTo("FreeChargingIdTag"));
        assertThat(FAMILIES.find("Ocpp201Standard").orElseThrow().isRequired("AuthCtrlr.Enabled"), equalTo(true));
        assertThat(FAMILIES.find("Easee").orElseThrow().isRequired("LocalPreAuthorize"), equalTo(false));
    }

    @Test
    void ocpp16WithAKnownFamilyIsFullySupported() {
        for (String family : List.of("FreevendEnabled", "FreeVend", "MicroOcpp", "Zaptec", "Easee")) {
            Capability capability = derive(Protocol.OCPP_1_6, family, false);
            assertThat(family, capability.state(), equalTo(CapabilityState.FULLY_SUPPORTED));
            assertThat(capability.reasons(), empty());
        }
    }

    @Test
    void unknownOrMissingFamilyIsUnsupported() {
        assertThat(derive(Protocol.OCPP_1_6, "Acme", false).state(), equalTo(CapabilityState.UNSUPPORTED));
        assertThat(codes(derive(Protocol.OCPP_1_6, null, false)), contains(CapabilityReason.UNKNOWN_FAMILY_PROFILE));
        // A 1.6 profile does not fit a 2.0.1 charger.
        assertThat(codes(derive(Protocol.OCPP_2_0_1, "Zaptec", true)), contains(CapabilityReason.UNKNOWN_FAMILY_PROFILE));
    }

    @Test
    void ocpp201IsPartiallySupportedUntilTheGatewayAuthorises() {
        Capability before = derive(Protocol.OCPP_2_0_1, null, false);
        assertThat(before.state(), equalTo(CapabilityState.PARTIALLY_SUPPORTED));
        assertThat(codes(before), contains(CapabilityReason.GATEWAY_DOES_NOT_AUTHORISE));
        assertThat(derive(Protocol.OCPP_2_0_1, "Ocpp201Standard", true).state(), equalTo(CapabilityState.FULLY_SUPPORTED));
    }

    @Test
    void failingAnswersDowngradeByHowMuchTheKeyMatters() {
        Capability optional = derive(Protocol.OCPP_1_6, "Zaptec", false, new KeyResult("AuthorizationCacheEnabled", "NotSupported"));
        assertThat(optional.state(), equalTo(CapabilityState.PARTIALLY_SUPPORTED));
        assertThat(optional.reasons().get(0).key(), equalTo("AuthorizationCacheEnabled"));
        Capability required = derive(Protocol.OCPP_2_0_1, null, true, new KeyResult("AuthCtrlr.Enabled", "UnknownVariable"),
                new KeyResult("AuthCacheCtrlr.Enabled", "Rejected"));
        assertThat(required.state(), equalTo(CapabilityState.UNSUPPORTED));
        assertThat(codes(required), contains(CapabilityReason.REQUIRED_KEY_REJECTED, CapabilityReason.OPTIONAL_KEY_REJECTED));
        assertThat(derive(Protocol.OCPP_1_6, "Zaptec", false, new KeyResult("FreeCharging", "Accepted"),
                new KeyResult("SomethingElse", "Rejected")).state(), equalTo(CapabilityState.FULLY_SUPPORTED));
    }

    @Test
    void profilesMustBeUsable() {
        assertThrows(IllegalArgumentException.class, () -> new KeyResult("FreeVend", "Maybe"));
        assertThrows(IllegalArgumentException.class, () -> new FamilyCatalog(List.of(
                FAMILIES.find("Zaptec").orElseThrow(), FAMILIES.find("Zaptec").orElseThrow())));
    }
}
