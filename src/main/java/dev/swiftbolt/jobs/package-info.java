/**
 * The job queue as a mechanism: enqueue, claim with {@code SKIP LOCKED}, leases, retries with
 * backoff, workers and their counts; what a job does is a {@link dev.swiftbolt.jobs.JobHandler}
 * supplied from above. May import {@code config}, {@code market}, JDBI, Jackson and resilience4j;
 * never the packages whose handlers it runs.
 */
package dev.swiftbolt.jobs;
