package com.betterfleet.access.accesspolicy.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data builder for PUT access-policy bodies (contracts.md shape). */
public final class PolicyBody {
    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> windows = new ArrayList<>();

    private PolicyBody(String accountId) {
        body.put("accountId", accountId);
        body.put("depotId", "depot-1");
        body.put("timeZone", "Europe/London");
        body.put("defaultMode", "freevend");
        body.put("windows", windows);
    }

    /** Europe/London, default freevend, no windows, depot-1. */
    public static PolicyBody policyOf(String accountId) {
        return new PolicyBody(accountId);
    }

    /** The example: Europe/London, managed Monday to Friday 06:00-18:00, freevend otherwise. */
    public static PolicyBody londonWeekdaysManaged(String accountId) {
        return policyOf(accountId).with(Window.window("weekdays").days("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                .from("06:00").to("18:00").managed());
    }

    public PolicyBody zone(String timeZone) {
        body.put("timeZone", timeZone);
        return this;
    }

    public PolicyBody defaultMode(String mode) {
        body.put("defaultMode", mode);
        return this;
    }

    public PolicyBody depot(String depotId) {
        body.put("depotId", depotId);
        return this;
    }

    public PolicyBody with(Window window) {
        windows.add(window.map);
        return this;
    }

    public PolicyBody override(String mode, String until, String reason) {
        Map<String, Object> override = new LinkedHashMap<>();
        override.put("mode", mode);
        override.put("until", until);
        override.put("reason", reason);
        body.put("override", override);
        return this;
    }

    public PolicyBody set(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Map<String, Object> build() {
        return body;
    }

    /** One window. */
    public static final class Window {
        private final Map<String, Object> map = new LinkedHashMap<>();

        private Window(String id) {
            map.put("id", id);
            map.put("daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
            map.put("start", "06:00");
            map.put("end", "18:00");
            map.put("mode", "managed_access");
        }

        /** Every day 06:00-18:00, managed access. */
        public static Window window(String id) {
            return new Window(id);
        }

        public Window days(String... days) {
            map.put("daysOfWeek", Arrays.asList(days));
            return this;
        }

        public Window from(String start) {
            map.put("start", start);
            return this;
        }

        public Window to(String end) {
            map.put("end", end);
            return this;
        }

        public Window managed() {
            map.put("mode", "managed_access");
            return this;
        }

        public Window freevend() {
            map.put("mode", "freevend");
            return this;
        }

        public Window validFrom(String date) {
            map.put("validFrom", date);
            return this;
        }

        public Window validUntil(String date) {
            map.put("validUntil", date);
            return this;
        }

        public Window except(String... dates) {
            map.put("exceptDates", Arrays.asList(dates));
            return this;
        }

        public Window set(String field, Object value) {
            map.put(field, value);
            return this;
        }
    }
}
