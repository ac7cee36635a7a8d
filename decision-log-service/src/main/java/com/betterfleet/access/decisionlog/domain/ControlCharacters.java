package com.betterfleet.access.decisionlog.domain;

/**
 * Control characters (U+0000-U+001F, U+007F-U+009F) have no place in an id, a filter value or a
 * cursor. NUL in particular cannot be stored or compared by PostgreSQL at all (SQLSTATE 22021):
 * refused at the edge, it is a 400 or a rejected event instead of a failed statement.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    public static boolean in(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }
}
