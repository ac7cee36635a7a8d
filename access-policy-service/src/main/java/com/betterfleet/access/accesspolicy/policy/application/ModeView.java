package com.betterfleet.access.accesspolicy.policy.application;

import java.time.ZoneId;

import com.betterfleet.access.accesspolicy.capability.domain.Enforcement;
import com.betterfleet.access.accesspolicy.schedule.domain.ExpectedMode;

/** The expected mode of a charger at an instant; {@code timeZone} is null without a policy. */
public record ModeView(String chargerId, ExpectedMode expected, ZoneId timeZone, Enforcement enforcement) {
}
