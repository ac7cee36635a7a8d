package com.betterfleet.access.authorisation.identifier.domain;

/**
 * Normalises raw identifiers before hashing (docs/architecture.md, Identifiers): trimmed; when the
 * type is ISO14443, ISO15693, MacAddress or absent (an OCPP 1.6 idTag) and the value is hex octets,
 * optionally separated by {@code :}, {@code -} or a space, the separators are removed and the
 * letters upper-cased. Reproduces docs/contracts/identifier-hash-vectors.json. An untyped idTag
 * is therefore also looked up trimmed only when the hex rule changed it
 * ({@link IdentifierHasher#verbatimHash}), to find it under a type without the hex rule.
 */
public final class IdentifierNormaliser {
    private IdentifierNormaliser() {
    }

    /** The normalised form of {@code raw} for {@code type} ({@code null} = no type, OCPP 1.6). */
    public static String normalise(String raw, IdTokenType type) {
        String trimmed = raw.strip();
        if (appliesHexRule(type) && isHexOctets(trimmed)) {
            return compactHex(trimmed);
        }
        return trimmed;
    }

    /**
     * Whether the hex rule changes a trimmed value: it is hex octets with a lower-case letter or a
     * separator. Exactly then an untyped idTag normalises differently from the same value under a
     * type without the hex rule (KeyCode, Local, eMAID, Central). Allocation-free: it runs per
     * Authorize.
     */
    public static boolean hexRuleChanges(String trimmed) {
        if (!isHexOctets(trimmed)) {
            return false;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if ((c >= 'a' && c <= 'f') || isSeparator(c)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code idMask} label for a trimmed value of {@code type}. */
    public static String maskLabel(String trimmed, IdTokenType type) {
        if (type != null) {
            return type.maskLabel();
        }
        return isHexOctets(trimmed) ? "RFID" : "idTag";
    }

    private static boolean appliesHexRule(IdTokenType type) {
        return type == null || type.hexNormalised();
    }

    /**
     * True for one or more pairs of hex digits, each pair optionally followed by one separator
     * ({@code :}, {@code -} or space) that must itself be followed by another pair.
     */
    public static boolean isHexOctets(String value) {
        int length = value.length();
        if (length < 2) {
            return false;
        }
        int i = 0;
        while (true) {
            if (i + 1 >= length || !isHex(value.charAt(i)) || !isHex(value.charAt(i + 1))) {
                return false;
            }
            i += 2;
            if (i == length) {
                return true;
            }
            if (isSeparator(value.charAt(i))) {
                i++;
            }
        }
    }

    private static String compactHex(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isSeparator(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isSeparator(char c) {
        return c == ':' || c == '-' || c == ' ';
    }
}
