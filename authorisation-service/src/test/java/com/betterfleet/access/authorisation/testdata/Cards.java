package com.betterfleet.access.authorisation.testdata;

import java.util.UUID;

import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;

/** RFID card UIDs for tests: random upper-case hex (normalised as is), and their stored hash. */
public final class Cards {
    private Cards() {
    }

    /** Eight random upper-case hex digits, a fresh card each call. */
    public static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    /** The idHash the registry stores for the card as an ISO14443 identifier. */
    public static String hash(String card) {
        return RegisteredIdentifierBuilder.HASHER.hash(card, IdTokenType.ISO14443).idHash();
    }
}
