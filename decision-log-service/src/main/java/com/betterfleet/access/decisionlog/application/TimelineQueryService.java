package com.betterfleet.access.decisionlog.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.decisionlog.application.port.AccessRecordStore;
import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.ChargerNotFoundException;
import com.betterfleet.access.decisionlog.domain.Cursor;
import com.betterfleet.access.decisionlog.domain.Page;
import com.betterfleet.access.decisionlog.domain.TimelineFilter;

import io.smallrye.mutiny.Uni;

/** A charger's timeline: decisions and the other record kinds in one newest-first stream. */
@ApplicationScoped
public class TimelineQueryService {
    private final AccessRecordStore store;

    public TimelineQueryService(AccessRecordStore store) {
        this.store = store;
    }

    /**
     * One page of the charger's timeline. A charger with no record visible to the caller (unknown,
     * or another account's) fails with {@link ChargerNotFoundException}: the caller cannot tell
     * the two apart.
     */
    public Uni<Page<AccessRecord>> timeline(TimelineFilter filter, Optional<Cursor> after, int limit) {
        return store.chargerVisible(filter.chargerId(), filter.scope())
                .flatMap(visible -> {
                    if (!visible) {
                        return Uni.createFrom().failure(new ChargerNotFoundException(filter.chargerId()));
                    }
                    return store.findTimeline(filter, after, limit + 1).map(rows -> Page.ofLookahead(rows, limit));
                });
    }
}
