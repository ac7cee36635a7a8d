/**
 * The schedule engine: policies, windows and overrides, and the pure functions that turn them into
 * the expected mode at any instant. Only {@code java.*} here; docs/schedule-semantics.md explains the
 * rules with examples.
 */
package com.betterfleet.access.accesspolicy.schedule.domain;
