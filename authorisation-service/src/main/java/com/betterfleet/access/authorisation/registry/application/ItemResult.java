package com.betterfleet.access.authorisation.registry.application;

/**
 * The result of one item of a batch (or of one feed message).
 *
 * @param idMask the identifier's mask, null if the idToken itself was unusable
 * @param rejection why the item was rejected, null unless {@code status} is rejected
 */
public record ItemResult(int index, ItemStatus status, String idMask, ItemRejection rejection) {
}
