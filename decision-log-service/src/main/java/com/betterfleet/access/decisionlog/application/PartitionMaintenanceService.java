package com.betterfleet.access.decisionlog.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.betterfleet.access.decisionlog.application.port.PartitionStore;
import com.betterfleet.access.decisionlog.application.port.RetentionRefusedException;
import com.betterfleet.access.decisionlog.config.DecisionLogConfig;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps month partitions ready ahead of time and enforces retention by dropping whole expired
 * months. Idempotent; replicas may run it concurrently (the database serialises the runs). The
 * database has the last word on retention: it refuses a cutoff inside its own minimum retention
 * (V5), e.g. when this replica's clock runs ahead or retention-months is below that floor.
 */
@ApplicationScoped
public class PartitionMaintenanceService {
    private final PartitionStore partitions;
    private final DecisionLogConfig config;
    private final Clock clock;

    public PartitionMaintenanceService(PartitionStore partitions, DecisionLogConfig config, Clock clock) {
        this.partitions = partitions;
        this.config = config;
        this.clock = clock;
        if (config.retentionMonths() < 1) {
            throw new IllegalStateException("access.decision-log.retention-months must be at least 1");
        }
        if (config.partitionsAheadMonths() < 1) {
            throw new IllegalStateException("access.decision-log.partitions-ahead-months must be at least 1");
        }
    }

    /**
     * What one run did.
     *
     * @param retentionRefused why the database refused the retention step (nothing was dropped), or null
     */
    public record Report(List<LocalDate> created, List<String> dropped, Instant retentionCutoff, String retentionRefused) {
    }

    public Uni<Report> run() {
        return run(clock.instant());
    }

    /** One run as if it were {@code now}: previous month up to the horizon, then retention. */
    public Uni<Report> run(Instant now) {
        LocalDate currentMonth = firstOfMonth(now);
        List<LocalDate> months = new ArrayList<>();
        for (int offset = -1; offset <= config.partitionsAheadMonths(); offset++) {
            months.add(currentMonth.plusMonths(offset));
        }
        Instant cutoff = retentionCutoff(now, config.retentionMonths());
        return Multi.createFrom().iterable(months)
                .onItem().transformToUniAndConcatenate(month -> partitions.ensureMonth(month)
                        .map(created -> created ? month : null))
                .filter(month -> month != null)
                .collect().asList()
                .flatMap(created -> partitions.dropEndingBefore(cutoff)
                        .map(dropped -> new Report(created, dropped, cutoff, null))
                        // a setting to change, not an outage: the partitions ahead still count as done
                        .onFailure(RetentionRefusedException.class)
                        .recoverWithItem(refused -> new Report(created, List.of(), cutoff, refused.getMessage())));
    }

    /** Records before this instant have expired: the start of the month {@code months} before now's. */
    public static Instant retentionCutoff(Instant now, int months) {
        return firstOfMonth(now).minusMonths(months).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static LocalDate firstOfMonth(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).withDayOfMonth(1);
    }
}
