package com.betterfleet.access.authorisation.decision.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;

/**
 * The fixed idTags charger families send while in freevend, held as identifier hashes. A charger
 * of a family with a tag is checked against that tag; a charger of a family configured without one
 * (Easee) has no freevend tag, so no tag it presents is taken for another family's; a charger
 * whose family is unknown (or not configured) is checked against every configured tag.
 *
 * <p>OCPP 2.0.1's standard freevend ({@code AuthCtrlr.Enabled=false}, decisions.md section 4) has
 * no configured tag: such a charger reports its token as type {@code NoAuthorization} (with an empty
 * idToken). That type is its freevend token whatever the family, so it is Accepted in freevend and
 * shows, in managed access, that the switch did not take.
 */
public final class FreevendTags {
    private final Map<String, String> hashByFamily;
    private final Set<String> familiesWithoutTag;
    private final Set<String> allHashes;

    /** @param hashByFamily family name (any case) to the idHash of its freevend idTag */
    public FreevendTags(Map<String, String> hashByFamily) {
        this(hashByFamily, Set.of());
    }

    /**
     * @param hashByFamily family name (any case) to the idHash of its freevend idTag
     * @param familiesWithoutTag names (any case) of the configured families that have no freevend idTag
     */
    public FreevendTags(Map<String, String> hashByFamily, Set<String> familiesWithoutTag) {
        Map<String, String> byFamily = new HashMap<>();
        hashByFamily.forEach((family, hash) -> byFamily.put(key(family), hash));
        this.hashByFamily = Map.copyOf(byFamily);
        Set<String> without = new HashSet<>();
        familiesWithoutTag.forEach(family -> without.add(key(family)));
        without.removeAll(byFamily.keySet());
        this.familiesWithoutTag = Set.copyOf(without);
        this.allHashes = Set.copyOf(new HashSet<>(byFamily.values()));
    }

    public static FreevendTags none() {
        return new FreevendTags(Map.of());
    }

    /**
     * Whether the presented token is what a charger of {@code family} (null: unknown) sends in
     * freevend: an OCPP 2.0.1 {@code NoAuthorization} token, or the family's fixed idTag.
     */
    public boolean isFreevendToken(String family, IdTokenType type, String idHash) {
        return type == IdTokenType.NoAuthorization || isFreevendTag(family, idHash);
    }

    /** Whether {@code idHash} is the freevend idTag for a charger of {@code family} (null: unknown). */
    public boolean isFreevendTag(String family, String idHash) {
        if (family != null) {
            String familyHash = hashByFamily.get(key(family));
            if (familyHash != null) {
                return familyHash.equals(idHash);
            }
            if (familiesWithoutTag.contains(key(family))) {
                return false;
            }
        }
        return allHashes.contains(idHash);
    }

    private static String key(String family) {
        return family.toLowerCase(Locale.ROOT);
    }
}
