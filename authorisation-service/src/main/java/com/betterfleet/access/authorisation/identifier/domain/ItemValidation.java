package com.betterfleet.access.authorisation.identifier.domain;

import java.util.List;

import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

/**
 * Outcome of validating one raw item: either a command or the violations. {@code idMask} is known
 * whenever the idToken itself was usable, so even a rejected item can be reported by its mask.
 */
public record ItemValidation(IdentifierCommand command, String idMask, List<FieldViolation> violations) {
    public ItemValidation {
        violations = List.copyOf(violations);
        if ((command == null) == violations.isEmpty()) {
            throw new IllegalArgumentException("either a command or violations");
        }
    }

    public boolean valid() {
        return command != null;
    }
}
