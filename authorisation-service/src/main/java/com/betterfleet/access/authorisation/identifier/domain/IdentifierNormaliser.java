package com.betterfleet.access.authorisation.identifier.domain;

/**
 * Normalises raw identifiers before hashing (docs/architecture.md, Identifiers): trimmed; when the
 * type is ISO14443, ISO15693, MacAddress or absent (an OCPP 1.6 idTag) and the value is hex octets,
 * optionally separated by {@code :}, {@code -} or a space, the separators are removed and the
 * letters upper-cased. Reproduces docs/contracts/identifier-hash-vectors.json.
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
