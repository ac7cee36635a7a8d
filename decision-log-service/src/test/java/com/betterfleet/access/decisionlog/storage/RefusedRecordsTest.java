package com.betterfleet.access.decisionlog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.decisionlog.application.port.AccessRecordStore;
import com.betterfleet.access.decisionlog.application.port.RecordRejectedException;
import com.betterfleet.access.decisionlog.domain.AccessRecord;
import com.betterfleet.access.decisionlog.domain.RecordKind;
import com.betterfleet.access.decisionlog.domain.TimelineRecord;
import com.betterfleet.access.decisionlog.support.Database;
import com.betterfleet.access.decisionlog.support.Scenario;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Behind the consumer's field checks: a record the database can never store is a
 * {@link RecordRejectedException} (dropped and counted), not a failure that is retried forever.
 */
@QuarkusTest
class RefusedRecordsTest {
    @Inject
    AccessRecordStore store;

    @Test
    void aValueTooLargeForAnIndexRowIsRefusedNotRetried() {
        StringBuilder accountId = new StringBuilder();
        while (accountId.length() < 3_000) {
            accountId.append(UUID.randomUUID().toString().replace("-", ""));
        }
        String charger = Scenario.newCharger();
        AccessRecord record = new TimelineRecord(UUID.randomUUID().toString(), RecordKind.EXPECTED_MODE_CHANGED,
                Instant.now(), charger, accountId.toString(), null, "/access-policy-service", "{}");

        RecordRejectedException refused = assertThrows(RecordRejectedException.class,
                () -> store.append(List.of(record)).await().atMost(Duration.ofSeconds(30)));

        assertTrue(refused.getMessage().startsWith("SQLSTATE 54000"), refused.getMessage());
        assertEquals(0, Database.count("SELECT count(*) FROM access_record WHERE charger_id = ?", charger));
    }
}
