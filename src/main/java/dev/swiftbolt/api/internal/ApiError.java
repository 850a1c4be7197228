package dev.swiftbolt.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * The body of every error response.
 *
 * @param error stable machine-readable code, e.g. {@code invalid_timeframe}
 * @param message what is wrong and how to fix it, for people
 * @param field the parameter or body field at fault, when there is one (omitted otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ApiError(String error, String message, Optional<String> field) {}
