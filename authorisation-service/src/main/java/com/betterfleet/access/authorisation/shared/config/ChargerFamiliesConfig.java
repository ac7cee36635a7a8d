package com.betterfleet.access.authorisation.shared.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Charger family profiles, as far as Authorize needs them: the fixed idTag a family sends while in
 * freevend. Keys are family names as reported by capability_changed (matched case-insensitively),
 * e.g. {@code access.charger-families.MicroOcpp.freevend-id-tag=FREEVEND}. A family without a
 * fixed tag is named with an empty value ({@code access.charger-families.Easee.freevend-id-tag=}),
 * so that its chargers are not checked against the other families' tags. Defaults are in
 * application.properties.
 */
@ConfigMapping(prefix = "access.charger-families")
public interface ChargerFamiliesConfig {
    /** Family name to its profile. */
    @WithParentName
    Map<String, Family> families();

    interface Family {
        /**
         * The idTag this family sends in Authorize/StartTransaction while in freevend; it must
         * equal the value mode-apply-service writes into the family's idTag key. Empty: the
         * family has none.
         */
        Optional<String> freevendIdTag();
    }
}
