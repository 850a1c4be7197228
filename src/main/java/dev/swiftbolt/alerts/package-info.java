/**
 * Alerts that reach the trader: events written as an outbox in the transaction that causes each one
 * ({@link PredictionAlerts}, {@link JobFailureAlerts}, {@link RetrainAlerts}, {@link
 * StaleDataCheck}), fanned out to every user tracking the symbol subject to their {@link
 * NotificationSettings}; the feed ({@link NotificationFeed}); and signed webhook delivery through
 * the job queue ({@link WebhookEndpoints}, {@link WebhookDeliveryHandler}).
 *
 * <p>This package sits above {@code predictions}, {@code jobs}, {@code ml.registry}, {@code
 * symbols} and {@code marketdata}: those define listener interfaces that the classes here
 * implement, and {@code pipelines} wires them together. Nothing below imports this package.
 */
package dev.swiftbolt.alerts;
