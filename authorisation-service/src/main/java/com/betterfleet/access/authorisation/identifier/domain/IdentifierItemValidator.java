package com.betterfleet.access.authorisation.identifier.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.betterfleet.access.authorisation.shared.domain.ForbiddenCharacters;
import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

/**
 * Validates registry items against the rules of identifier-item.schema.json and turns them into
 * commands, hashing the raw token on the way (the raw token goes no further than this class).
 */
public final class IdentifierItemValidator {
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    public static final int MAX_ID_TOKEN = 36;
    public static final int MAX_ACCOUNT_ID = 64;
    public static final int MAX_REFERENCE = 64;

    /**
     * How far ahead of our clock a changedAt may be: a later one would hold the identifier against
     * every change until then (ChangeOrder), so it is taken for a clock error and refused.
     */
    static final Duration MAX_CHANGED_AT_AHEAD = Duration.ofMinutes(5);

    private final IdentifierHasher hasher;
    private final Clock clock;

    public IdentifierItemValidator(IdentifierHasher hasher) {
        this(hasher, Clock.systemUTC());
    }

    public IdentifierItemValidator(IdentifierHasher hasher, Clock clock) {
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * @param raw the item's fields as text (null = absent)
     * @param earlier violations already found while reading the item (e.g. a number where text
     *        was expected); the item is rejected if there are any
     */
    public ItemValidation validate(RawIdentifierItem raw, List<FieldViolation> earlier) {
        List<FieldViolation> violations = new ArrayList<>(earlier);
        if (controlCharacters(violations, raw)) {
            // Nothing else is looked at: not even the mask is taken from such a token (it would reach logs).
            return new ItemValidation(null, null, violations);
        }
        String op = raw.op();
        boolean upsert = "upsert".equals(op);
        if (op == null) {
            violations.add(new FieldViolation("op", "is required"));
        } else if (!upsert && !"delete".equals(op)) {
            violations.add(new FieldViolation("op", "must be one of: upsert, delete"));
        }
        requireLength(violations, "accountId", raw.accountId(), MAX_ACCOUNT_ID, true);
        boolean typeRequired = upsert;
        Optional<IdTokenType> type = registrableType(violations, raw.idTokenType(), typeRequired);
        HashedIdentifier hashed = hashToken(violations, raw.idToken(), type.orElse(null), raw.idTokenType() == null);
        Optional<AccessClass> accessClass = enumField(violations, "accessClass", raw.accessClass(), upsert,
                AccessClass.fromWire(raw.accessClass()), "own_fleet, agreement");
        Optional<IdentifierStatus> status = enumField(violations, "status", raw.status(), upsert,
                IdentifierStatus.fromWire(raw.status()), "active, inactive, blocked");
        requireLength(violations, "vehicleId", raw.vehicleId(), MAX_REFERENCE, false);
        requireLength(violations, "agreementId", raw.agreementId(), MAX_REFERENCE,
                accessClass.orElse(null) == AccessClass.AGREEMENT);
        // At the precision the database keeps: instants less than a microsecond apart would be equal there
        // (and break its validFrom < validUntil check), so they are compared, and stored, truncated.
        Instant validFrom = ChangeOrder.micros(instant(violations, "validFrom", raw.validFrom()));
        Instant validUntil = ChangeOrder.micros(instant(violations, "validUntil", raw.validUntil()));
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            violations.add(new FieldViolation("validUntil", "must be after validFrom"));
        }
        // compared with the stored one at the precision the database keeps (ChangeOrder)
        Instant changedAt = ChangeOrder.micros(instant(violations, "changedAt", raw.changedAt()));
        if (changedAt != null && changedAt.isAfter(clock.instant().plus(MAX_CHANGED_AT_AHEAD))) {
            violations.add(new FieldViolation("changedAt", "must not be more than " + MAX_CHANGED_AT_AHEAD.toMinutes()
                    + " minutes ahead of the registry's clock (a later one would hold the identifier until then)"));
            changedAt = null;
        }
        String mask = hashed == null ? null : hashed.idMask();
        if (!violations.isEmpty()) {
            return new ItemValidation(null, mask, violations);
        }
        IdentifierCommand command = upsert
                ? new IdentifierCommand.Upsert(new RegisteredIdentifier(raw.accountId(), hashed.idHash(),
                        type.orElseThrow(), accessClass.orElseThrow(), raw.vehicleId(), raw.agreementId(),
                        status.orElseThrow(), validFrom, validUntil), hashed.idMask(), changedAt)
                : new IdentifierCommand.Delete(raw.accountId(), hashed, hasher.verbatimHash(raw.idToken(), hashed.type()),
                        changedAt);
        return new ItemValidation(command, mask, List.of());
    }

    /** Adds a violation for every field holding a control character; whether there was any. */
    private static boolean controlCharacters(List<FieldViolation> violations, RawIdentifierItem raw) {
        String[][] fields = { { "op", raw.op() }, { "accountId", raw.accountId() }, { "idToken", raw.idToken() },
                { "idTokenType", raw.idTokenType() }, { "accessClass", raw.accessClass() }, { "vehicleId", raw.vehicleId() },
                { "agreementId", raw.agreementId() }, { "status", raw.status() }, { "validFrom", raw.validFrom() },
                { "validUntil", raw.validUntil() }, { "changedAt", raw.changedAt() } };
        boolean found = false;
        for (String[] field : fields) {
            if (ForbiddenCharacters.in(field[1])) {
                violations.add(new FieldViolation(field[0], ForbiddenCharacters.MESSAGE));
                found = true;
            }
        }
        return found;
    }

    private HashedIdentifier hashToken(List<FieldViolation> violations, String token, IdTokenType type, boolean typeAbsent) {
        if (token == null) {
            violations.add(new FieldViolation("idToken", "is required"));
            return null;
        }
        if (token.length() > MAX_ID_TOKEN) {
            violations.add(new FieldViolation("idToken", "must be at most " + MAX_ID_TOKEN + " characters"));
            return null;
        }
        if (token.isBlank()) {
            violations.add(new FieldViolation("idToken", "must not be blank"));
            return null;
        }
        return hasher.hash(token, typeAbsent ? null : type);
    }

    private static Optional<IdTokenType> registrableType(List<FieldViolation> violations, String value, boolean required) {
        if (value == null) {
            if (required) {
                violations.add(new FieldViolation("idTokenType", "is required"));
            }
            return Optional.empty();
        }
        Optional<IdTokenType> type = IdTokenType.fromWire(value).filter(IdTokenType::registrable);
        if (type.isEmpty()) {
            violations.add(new FieldViolation("idTokenType",
                    "must be one of: ISO14443, ISO15693, MacAddress, eMAID, KeyCode, Local, Central"));
        }
        return type;
    }

    private static <E> Optional<E> enumField(List<FieldViolation> violations, String field, String value, boolean required,
            Optional<E> parsed, String allowed) {
        if (value == null) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
            return Optional.empty();
        }
        if (parsed.isEmpty()) {
            violations.add(new FieldViolation(field, "must be one of: " + allowed));
        }
        return parsed;
    }

    private static void requireLength(List<FieldViolation> violations, String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
            return;
        }
        if (value.isEmpty() || value.length() > max) {
            violations.add(new FieldViolation(field, "must be 1 to " + max + " characters"));
        }
    }

    private static Instant instant(List<FieldViolation> violations, String field, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 date-time with offset"));
            return null;
        }
        // Beyond this range a decision's expiryDate could not be stored by decision-log-service (or PostgreSQL);
        // changedAt is held to the same range so that every instant of an item is checked alike.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            violations.add(new FieldViolation(field, "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
            return null;
        }
        return instant;
    }
}
