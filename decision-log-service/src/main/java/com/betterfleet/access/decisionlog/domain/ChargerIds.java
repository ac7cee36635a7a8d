package com.betterfleet.access.decisionlog.domain;

import java.util.regex.Pattern;

/** The chargerId format of the contracts: 1 to 64 of {@code A-Z a-z 0-9 . _ : -}. */
public final class ChargerIds {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    private ChargerIds() {
    }

    public static boolean isValid(String chargerId) {
        return chargerId != null && FORMAT.matcher(chargerId).matches();
    }

    public static String requireValid(String chargerId) {
        if (!isValid(chargerId)) {
            throw new IllegalArgumentException("chargerId must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        return chargerId;
    }
}
