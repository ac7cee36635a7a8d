package com.betterfleet.access.authorisation.registry.application;

import java.util.List;

import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

/**
 * Why one item was rejected, as problem-details parts (status 400 invalid, 403 another account,
 * 409 a typeless delete naming two registrations).
 */
public record ItemRejection(int status, String slug, String title, String detail, List<FieldViolation> errors) {
    public static ItemRejection invalid(List<FieldViolation> errors) {
        return new ItemRejection(400, "validation-failed", "Item validation failed", "One or more fields are invalid.",
                List.copyOf(errors));
    }

    /**
     * A delete without idTokenType whose value names two registrations of the account: one of a
     * hex type (ISO14443, ISO15693, MacAddress) and one of KeyCode, Local, eMAID or Central. Which
     * one was meant cannot be told, so neither is removed.
     */
    public static ItemRejection ambiguousDelete() {
        return new ItemRejection(409, "ambiguous-identifier", "Ambiguous identifier",
                "Without idTokenType this idToken names more than one registered identifier of the account "
                        + "(one of type ISO14443, ISO15693 or MacAddress, one of type KeyCode, Local, eMAID or Central); "
                        + "nothing was deleted. Name idTokenType to delete one of them.",
                List.of(new FieldViolation("idTokenType", "is required to delete this idToken")));
    }

    public static ItemRejection otherAccount() {
        return new ItemRejection(403, "forbidden", "Forbidden", "The item names an account other than the caller's.", null);
    }
}
