package com.betterfleet.access.authorisation.decision.application;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.betterfleet.access.authorisation.chargerstate.domain.OcppProtocol;
import com.betterfleet.access.authorisation.identifier.domain.IdTokenType;
import com.betterfleet.access.authorisation.shared.application.InvalidInputException;
import com.betterfleet.access.authorisation.shared.domain.ForbiddenCharacters;
import com.betterfleet.access.authorisation.shared.domain.FieldViolation;

/**
 * One Authorize request, validated on construction (the idToken length limit depends on the
 * protocol, which may only be known from the charger's state: checked by the service).
 *
 * @param idTokenType null for an OCPP 1.6 idTag
 * @param connectorId null if not given
 * @param protocol the caller's protocol, or null to use the charger's known protocol
 */
public record AuthoriseCommand(String chargerId, String idToken, IdTokenType idTokenType, Integer connectorId,
        OcppProtocol protocol) {
    /** No control characters either (decision-log-service would refuse the record). */
    private static final Pattern CHARGER_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    /** Longest idToken of any protocol; longer is refused before anything else is looked at. */
    public static final int MAX_ID_TOKEN = 36;

    public AuthoriseCommand {
        List<FieldViolation> violations = new ArrayList<>(2);
        if (chargerId == null) {
            violations.add(new FieldViolation("chargerId", "is required"));
        } else if (!CHARGER_ID.matcher(chargerId).matches()) {
            violations.add(new FieldViolation("chargerId", "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (idToken == null) {
            violations.add(new FieldViolation("idToken", "is required"));
        } else if (idToken.length() > MAX_ID_TOKEN) {
            violations.add(new FieldViolation("idToken", "must be at most " + MAX_ID_TOKEN + " characters"));
        } else if (ForbiddenCharacters.in(idToken)) {
            // before deciding: decision-log-service refuses such a record, so the answer would never be logged
            violations.add(new FieldViolation("idToken", ForbiddenCharacters.MESSAGE));
        } else if (idToken.isBlank() && idTokenType != IdTokenType.NoAuthorization) {
            // OCPP 2.0.1 sends NoAuthorization with an empty idToken; every other token has a value
            violations.add(new FieldViolation("idToken", "must not be blank"));
        }
        if (connectorId != null && connectorId < 0) {
            violations.add(new FieldViolation("connectorId", "must not be negative"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
