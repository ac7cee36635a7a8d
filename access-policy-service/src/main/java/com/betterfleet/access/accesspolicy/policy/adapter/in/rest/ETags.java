package com.betterfleet.access.accesspolicy.policy.adapter.in.rest;

import java.util.ArrayList;
import java.util.List;

import com.betterfleet.access.accesspolicy.policy.application.Precondition;

/** The policy's entity tag is its version: {@code "7"}. */
final class ETags {
    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Reads {@code If-Match}. Weak tags never match (If-Match compares strongly, RFC 9110), nor does
     * anything that is not one of our tags, so a malformed header gets a 412, not a blind write.
     */
    static Precondition ifMatch(String header) {
        if (header == null) {
            return Precondition.none();
        }
        if (header.trim().equals("*")) {
            return Precondition.anyVersion();
        }
        List<Long> versions = new ArrayList<>();
        for (String tag : header.split(",")) {
            String value = tag.trim();
            if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
                try {
                    versions.add(Long.parseLong(value.substring(1, value.length() - 1)));
                } catch (NumberFormatException e) {
                    // not one of ours: cannot match
                }
            }
        }
        return Precondition.oneOf(versions);
    }
}
