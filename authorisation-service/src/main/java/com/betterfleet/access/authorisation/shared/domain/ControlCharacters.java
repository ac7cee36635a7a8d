package com.betterfleet.access.authorisation.shared.domain;

/**
 * C0 control characters (U+0000 to U+001F) and DEL (U+007F), refused in every text field and query
 * parameter. PostgreSQL cannot store U+0000 in text at all (SQLSTATE 22021), decision-log-service
 * refuses a record carrying any of them (so an answered decision would never be logged), and none
 * belongs in an identifier, an account or a reference.
 */
public final class ControlCharacters {
    public static final String MESSAGE = "must not contain control characters (U+0000 to U+001F, U+007F)";

    private ControlCharacters() {
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
        }
        return false;
    }
}
