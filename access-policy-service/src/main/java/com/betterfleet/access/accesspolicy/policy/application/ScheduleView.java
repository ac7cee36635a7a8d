package com.betterfleet.access.accesspolicy.policy.application;

import java.time.ZoneId;
import java.util.List;

import com.betterfleet.access.accesspolicy.capability.domain.Enforcement;
import com.betterfleet.access.accesspolicy.schedule.domain.ResolvedInterval;

/** A charger's resolved schedule over a range; {@code timeZone} is null without a policy. */
public record ScheduleView(String chargerId, List<ResolvedInterval> intervals, ZoneId timeZone, Enforcement enforcement) {
}
