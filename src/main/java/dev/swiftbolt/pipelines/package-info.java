/**
 * What runs when: the canonical pipelines and their schedules, the job handlers and their wiring,
 * and the chain of jobs after tracking (backfill, train; forecast, validate). May import the
 * services ({@code symbols}, {@code marketdata}, {@code ml} and its rooms, {@code validation}),
 * {@code jobs}, {@code db}, {@code config} and JDBI; never {@code cli} or {@code api}.
 */
package dev.swiftbolt.pipelines;
