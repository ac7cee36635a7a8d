package com.betterfleet.access.authorisation.registry.application;

import java.util.List;

import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

/** Why one item was rejected, as problem-details parts (status 400 invalid, 403 another account). */
public record ItemRejection(int status, String slug, String title, String detail, List<FieldViolation> errors) {
    public static ItemRejection invalid(List<FieldViolation> errors) {
        return new ItemRejection(400, "validation-failed", "Item validation failed", "One or more fields are invalid.",
                List.copyOf(errors));
    }

    public static ItemRejection otherAccount() {
        return new ItemRejection(403, "forbidden", "Forbidden", "The item names an account other than the caller's.", null);
    }
}
