package com.betterfleet.access.decisionlog.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/** A WHERE clause built from optional conditions with numbered parameters ($1, $2, ...). */
final class SqlConditions {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds a condition; each {@code ?} in it becomes the next parameter, in order. */
    SqlConditions add(String condition, Object... values) {
        StringBuilder sql = new StringBuilder();
        int next = 0;
        for (char c : condition.toCharArray()) {
            if (c == '?') {
                params.add(values[next++]);
                sql.append('$').append(params.size());
            } else {
                sql.append(c);
            }
        }
        if (next != values.length) {
            throw new IllegalArgumentException("placeholders and values differ: " + condition);
        }
        conditions.add(sql.toString());
        return this;
    }

    /** A new parameter outside the WHERE clause (e.g. LIMIT); returns its placeholder. */
    String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    Tuple tuple() {
        return Tuple.from(params);
    }
}
