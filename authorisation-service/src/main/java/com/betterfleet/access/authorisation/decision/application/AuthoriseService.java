package com.betterfleet.access.authorisation.decision.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import jakarta.inject.Singleton;

import com.betterfleet.access.authorisation.chargerstate.domain.ChargerAccess;
import com.betterfleet.access.authorisation.chargerstate.domain.ChargerState;
import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.decision.domain.AccessDecision;
import com.betterfleet.access.authorisation.decision.domain.DecisionRecord;
import com.betterfleet.access.authorisation.decision.domain.DecisionTable;
import com.betterfleet.access.authorisation.decision.domain.FreevendTags;
import com.betterfleet.access.authorisation.decision.domain.UuidV7;
import com.betterfleet.access.authorisation.identifier.domain.HashedIdentifier;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.identifier.domain.IdentifierHasher;
import com.betterfleet.access.authorisation.identifier.domain.RegisteredIdentifier;
import com.betterfleet.access.authorisation.replica.application.ReplicaState;
import com.betterfleet.access.authorisation.shared.application.Caller;
import com.betterfleet.access.authorisation.shared.application.InvalidInputException;
import com.betterfleet.access.authorisation.shared.application.ResourceNotFoundException;
import com.betterfleet.access.authorisation.shared.application.UnavailableException;

import io.smallrye.mutiny.Uni;

/**
 * Authorize: decides from the in-memory state (no database read), records the decision durably
 * (group commit into the outbox) and only then answers. Runs on the event loop.
 */
@Singleton
public class AuthoriseService {
    private static final ResourceNotFoundException NO_SUCH_CHARGER = new ResourceNotFoundException(
            "No charger with this id is known for the caller's account.");
    private static final UnavailableException NOT_LOADED = new UnavailableException("state-not-loaded",
            "Service not ready", "Identifiers and charger policies are still loading; retry shortly.");

    private final ReplicaState state;
    private final IdentifierHasher hasher;
    private final FreevendTags freevendTags;
    private final DecisionRecorder recorder;
    private final DecisionMetrics metrics;
    private final UnknownChargers unknownChargers;
    private final Clock clock;

    public AuthoriseService(ReplicaState state, IdentifierHasher hasher, FreevendTags freevendTags, DecisionRecorder recorder,
            DecisionMetrics metrics, UnknownChargers unknownChargers, Clock clock) {
        this.state = state;
        this.hasher = hasher;
        this.freevendTags = freevendTags;
        this.recorder = recorder;
        this.metrics = metrics;
        this.unknownChargers = unknownChargers;
        this.clock = clock;
    }

    /**
     * Decides and, once the record is durable, answers with {@code answer(record)}; fails with the
     * 400 / 503 exceptions, never with a decision that was not recorded.
     */
    public <T> Uni<T> authorise(Caller caller, AuthoriseCommand command, Function<DecisionRecord, T> answer) {
        DecisionRecord record;
        try {
            record = decide(caller, command);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().emitter(emitter -> recorder.record(record, () -> {
            metrics.answered(record.decision().reason());
            emitter.complete(answer.apply(record));
        }, emitter::fail));
    }

    /** The durable decision record of a machine caller (any account's charger). */
    public Uni<DecisionRecord> authorise(AuthoriseCommand command) {
        return authorise(Caller.MACHINE, command, Function.identity());
    }

    /**
     * The decision and its record, without recording it. A caller scoped to an account (a human
     * token with account_id, decisions.md section 7) may only authorise at chargers known to
     * belong to that account: any other charger, known or not, is not found, and nothing is decided.
     */
    public DecisionRecord decide(Caller caller, AuthoriseCommand command) {
        if (!state.loaded()) {
            throw NOT_LOADED;
        }
        ChargerState known = state.charger(command.chargerId());
        if (caller.isScoped() && (known == null || !caller.mayAccess(known.accountId()))) {
            throw NO_SUCH_CHARGER;
        }
        Instant now = clock.instant();
        ChargerAccess charger = ChargerAccess.at(command.chargerId(), known, now);
        OcppProtocol protocol = command.protocol() != null ? command.protocol()
                : charger.protocol() != null ? charger.protocol() : OcppProtocol.OCPP16;
        if (command.idToken().length() > protocol.maxIdTokenLength()) {
            throw new InvalidInputException("idToken",
                    "must be at most " + protocol.maxIdTokenLength() + " characters for " + protocol.wire());
        }
        if (command.idTokenType() == IdTokenType.NoAuthorization && protocol != OcppProtocol.OCPP201) {
            // An OCPP 2.0.1 token type (the standard family's freevend, decisions.md section 4): a 1.6
            // charger has no such token, so a request claiming one is malformed, not a freevend sign.
            throw new InvalidInputException("idTokenType", "NoAuthorization exists in ocpp2.0.1 only");
        }
        HashedIdentifier identifier = hasher.hash(command.idToken(), command.idTokenType());
        boolean freevendTag = freevendTags.isFreevendToken(charger.family(), command.idTokenType(), identifier.idHash());
        AccessDecision decision;
        if (charger.accountId() == null) {
            // Never heard of: no account's registration may count (decisions.md section 7), so no lookup.
            unknownChargers.decidingAt(command.chargerId());
            decision = DecisionTable.decide(charger, freevendTag, List.of(), now);
        } else {
            String verbatimHash = hasher.verbatimHash(command.idToken(), command.idTokenType());
            decision = DecisionTable.decide(charger, freevendTag, state.identifiers(identifier.idHash()),
                    verbatimHash == null ? List.of() : state.identifiers(verbatimHash), now);
            RegisteredIdentifier matched = decision.identifier();
            if (matched != null && !matched.idHash().equals(identifier.idHash())) {
                // Matched verbatim: record the hash and the mask the registry knows the identifier by.
                identifier = new HashedIdentifier(matched.idHash(),
                        hasher.verbatimMask(command.idToken(), matched.idTokenType().maskLabel()), identifier.type());
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new DecisionRecord(UuidV7.of(now.toEpochMilli(), random.nextLong(), random.nextLong()), now,
                command.chargerId(), command.connectorId(), protocol, identifier, decision);
    }
}
