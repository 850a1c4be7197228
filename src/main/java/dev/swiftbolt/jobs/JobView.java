package dev.swiftbolt.jobs;

import java.time.Instant;
import java.util.Optional;

/** A job as users see it in {@code swiftbolt jobs} and the API. */
public record JobView(
    long id,
    String jobType,
    Optional<String> symbol,
    Optional<String> timeframe,
    String status,
    int attempts,
    int maxAttempts,
    Instant runAfter,
    Optional<String> lastError,
    Instant createdAt,
    Instant updatedAt) {}
