package com.betterfleet.access.authorisation.identifier.domain;

/**
 * The displayable form of an identifier: type label plus the last 4 characters of the normalised
 * value ({@code RFID ••••3F9A}); 4 or fewer characters are fully masked ({@code RFID ••••}).
 */
public final class MaskedIdentifier {
    public static final String DOTS = "\u2022\u2022\u2022\u2022";
    private static final int VISIBLE = 4;

    private MaskedIdentifier() {
    }

    /**
     * The same mask under another label: {@code RFID ••••3F9A} as {@code ISO14443 ••••3F9A}.
     *
     * @throws IllegalArgumentException if {@code mask} was not made by {@link #mask}
     */
    public static String relabel(String mask, String label) {
        int dots = mask.indexOf(" " + DOTS);
        if (dots < 0) {
            throw new IllegalArgumentException("not a mask");
        }
        return label + mask.substring(dots);
    }

    /**
     * Counts characters as code points, as decision-log-service's search masks do: counting UTF-16
     * units could cut a surrogate pair in half and store an ill-formed mask.
     */
    public static String mask(String label, String normalised) {
        int length = normalised.codePointCount(0, normalised.length());
        if (length <= VISIBLE) {
            return label + " " + DOTS;
        }
        return label + " " + DOTS + normalised.substring(normalised.offsetByCodePoints(0, length - VISIBLE));
    }
}
