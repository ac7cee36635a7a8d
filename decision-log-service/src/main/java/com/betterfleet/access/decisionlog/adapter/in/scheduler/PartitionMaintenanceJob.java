package com.betterfleet.access.decisionlog.adapter.in.scheduler;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.betterfleet.access.decisionlog.application.PartitionMaintenanceService;
import com.betterfleet.access.decisionlog.application.port.PartitionStore;
import com.betterfleet.access.decisionlog.config.DecisionLogConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Runs partition maintenance at start and then every {@code access.decision-log.maintenance-every}:
 * month partitions ahead of time, retention by dropping expired months.
 * Metrics: {@code decision_log_partitions_months_ahead} (alert below 1),
 * {@code decision_log_partitions_dropped_total}, {@code decision_log_maintenance_failures_total}.
 */
@ApplicationScoped
public class PartitionMaintenanceJob {
    private static final Logger LOG = Logger.getLogger(PartitionMaintenanceJob.class);

    private final PartitionMaintenanceService maintenance;
    private final PartitionStore partitions;
    private final Clock clock;
    private final DecisionLogConfig config;
    private final Counter dropped;
    private final Counter failures;
    private final AtomicLong monthsAhead = new AtomicLong(-1);

    public PartitionMaintenanceJob(PartitionMaintenanceService maintenance, PartitionStore partitions, Clock clock,
            DecisionLogConfig config, MeterRegistry registry) {
        this.maintenance = maintenance;
        this.partitions = partitions;
        this.clock = clock;
        this.config = config;
        this.dropped = Counter.builder("decision_log.partitions.dropped")
                .description("Month partitions dropped by retention").register(registry);
        this.failures = Counter.builder("decision_log.maintenance.failures")
                .description("Partition maintenance runs that failed").register(registry);
        Gauge.builder("decision_log.partitions.months_ahead", monthsAhead, AtomicLong::get)
                .description("Whole months after the current one that already have a partition").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Decision log: retention %d months, partitions %d months ahead, maintenance every %s",
                config.retentionMonths(), config.partitionsAheadMonths(), config.maintenanceEvery());
        run().subscribe().with(ignored -> {
        }, failure -> {
        });
    }

    @Scheduled(every = "${access.decision-log.maintenance-every:1h}", delayed = "${access.decision-log.maintenance-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "decision-log-partition-maintenance")
    Uni<Void> scheduled() {
        return run().onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One maintenance run; failures are logged and counted, and fail the returned Uni. */
    public Uni<PartitionMaintenanceService.Report> run() {
        return maintenance.run()
                .invoke(report -> {
                    if (!report.created().isEmpty()) {
                        LOG.infof("Created month partitions %s", report.created());
                    }
                    if (!report.dropped().isEmpty()) {
                        dropped.increment(report.dropped().size());
                        LOG.infof("Retention (%d months, cutoff %s) dropped %s", config.retentionMonths(),
                                report.retentionCutoff(), report.dropped());
                    }
                    if (report.retentionRefused() != null) {
                        // counted with the failures (alerting), but logged without a stack trace: it is a setting
                        failures.increment();
                        LOG.errorf("Retention not applied, nothing dropped: the database refused cutoff %s "
                                + "(access.decision-log.retention-months=%d): %s. Set retention-months to at least the "
                                + "database's minimum retention (decision_log_settings.min_retention_months), or have the "
                                + "owner lower that floor; check this replica's clock. Retried in %s",
                                report.retentionCutoff(), config.retentionMonths(), report.retentionRefused(),
                                config.maintenanceEvery());
                    }
                })
                .call(() -> partitions.months().invoke(this::updateMonthsAhead))
                .onFailure().invoke(failure -> {
                    failures.increment();
                    LOG.errorf(failure, "Partition maintenance failed; records keep landing in existing partitions "
                            + "(or the default partition) and it is retried in %s", config.maintenanceEvery());
                });
    }

    private void updateMonthsAhead(List<LocalDate> months) {
        LocalDate current = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        long ahead = -1;
        for (LocalDate month = current; months.contains(month); month = month.plusMonths(1)) {
            ahead = ChronoUnit.MONTHS.between(current, month);
        }
        monthsAhead.set(ahead);
    }
}
