package com.betterfleet.access.accesspolicy.policy.application;

import java.time.Instant;

/** The last version of a deleted policy; a new policy for the charger continues from it. */
public record Tombstone(String chargerId, String accountId, long version, Instant deletedAt) {
}
