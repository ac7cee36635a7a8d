package com.betterfleet.access.authorisation.replica.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
import com.betterfleet.access.authorisation.testdata.RegisteredIdentifierBuilder;

/**
 * The in-memory registry: entries by hash, one per account, and account and agreement ids held
 * once however many identifiers name them (each row read from the database brings its own copy).
 */
class ReplicaStateTest {
    private final ReplicaState state = new ReplicaState();

    @Test
    void identifiersOfOneAccountAndAgreementShareOneCopyOfEachId() {
        String account1 = new String("acc-SHARED");
        String account2 = new String("acc-SHARED");
        String agreement1 = new String("agr-SHARED");
        String agreement2 = new String("agr-SHARED");
        assertNotSame(account1, account2);
        RegisteredIdentifierBuilder first = RegisteredIdentifierBuilder.agreement(agreement1).account(account1).token("04A23F9A", IdTokenType.ISO14443);
        RegisteredIdentifierBuilder second = RegisteredIdentifierBuilder.agreement(agreement2).account(account2).token("04A23F9B", IdTokenType.ISO14443);
        state.putIdentifier(first.build());
        state.putIdentifier(second.build());

        RegisteredIdentifier a = state.identifiers(first.hashed().idHash()).get(0);
        RegisteredIdentifier b = state.identifiers(second.hashed().idHash()).get(0);
        assertSame(a.accountId(), b.accountId());
        assertSame(a.agreementId(), b.agreementId());
        assertEquals(first.build(), a, "the entry held is the one received, field by field");
        assertEquals(2, state.identifierCount());
    }

    @Test
    void oneHashKeepsOneEntryPerAccountOrderedByAccount() {
        RegisteredIdentifierBuilder inB = RegisteredIdentifierBuilder.ownFleet().account("acc-B").token("04A23F9A", IdTokenType.ISO14443);
        RegisteredIdentifierBuilder inA = RegisteredIdentifierBuilder.ownFleet().account("acc-A").token("04A23F9A", IdTokenType.ISO14443);
        state.putIdentifier(inB.build());
        state.putIdentifier(inA.build());
        state.putIdentifier(inA.build());
        String hash = inA.hashed().idHash();
        assertEquals(List.of("acc-A", "acc-B"), state.identifiers(hash).stream().map(RegisteredIdentifier::accountId).toList());
        assertEquals(2, state.identifierCount());

        state.removeIdentifier("acc-A", hash);
        assertEquals(List.of(inB.build()), state.identifiers(hash));
        assertEquals(1, state.identifierCount());
    }
}
