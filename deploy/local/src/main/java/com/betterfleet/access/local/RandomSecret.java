package com.betterfleet.access.local;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets of the local run (client secrets, admin password, pepper): made here, never committed. */
final class RandomSecret {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecret() {
    }

    /** 256 random bits, URL-safe so the value pastes into a curl command or an env file as it is. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
