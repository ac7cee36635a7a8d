package com.betterfleet.access.accesspolicy.shared.application;

import java.util.regex.Pattern;

/** The charger ids this service accepts: those events.schema.json allows as an event's subject. */
public final class ChargerIds {
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9._:\\-]{1,64}$");

    private ChargerIds() {
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
