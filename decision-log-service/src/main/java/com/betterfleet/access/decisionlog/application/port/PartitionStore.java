package com.betterfleet.access.decisionlog.application.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.smallrye.mutiny.Uni;

/** Month partitions of the record table (outgoing port). */
public interface PartitionStore {
    /** Creates the partition of the month if missing; true when it was created. */
    Uni<Boolean> ensureMonth(LocalDate firstOfMonth);

    /**
     * Detaches and drops every month partition ending at or before the cutoff; their names. Fails
     * with {@link RetentionRefusedException} when the database's minimum retention keeps the cutoff's
     * months (nothing is dropped then).
     */
    Uni<List<String>> dropEndingBefore(Instant cutoff);

    /** The first day of every month that has a partition, oldest first. */
    Uni<List<LocalDate>> months();
}
