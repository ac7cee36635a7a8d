package com.betterfleet.access.authorisation.shared.domain;

/**
 * Characters refused in every text field and query parameter: C0 control characters (U+0000 to
 * U+001F), DEL (U+007F) and unpaired surrogates. PostgreSQL cannot store U+0000 in text at all
 * (SQLSTATE 22021), decision-log-service refuses a record carrying a control character (so an
 * answered decision would never be logged), none belongs in an identifier, an account or a
 * reference, and an unpaired surrogate would be written as '?' in UTF-8: the stored value, and an
 * identifier's hash, would not be those of the value accepted.
 */
public final class ForbiddenCharacters {
    public static final String MESSAGE =
            "must not contain control characters (U+0000 to U+001F, U+007F) or unpaired surrogates";

    private ForbiddenCharacters() {
    }

    /** Whether {@code value} (null: absent) contains one. */
    public static boolean in(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
