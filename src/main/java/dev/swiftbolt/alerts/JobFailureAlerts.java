package dev.swiftbolt.alerts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swiftbolt.jobs.Job;
import dev.swiftbolt.jobs.JobDeathListener;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@code job.failed}: a job for a tracked symbol ended dead, written for every user tracking it in
 * the transaction that marks the job dead. Jobs without a symbol (webhook deliveries among them)
 * notify nobody. Thread-safe.
 */
public final class JobFailureAlerts implements JobDeathListener {

  @Override
  public void died(Handle handle, Job job, String lastError, Instant at) {
    if (job.symbol().isEmpty()) {
      return;
    }
    String symbol = job.symbol().get();
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("symbol", symbol);
    data.put("job_id", job.id());
    data.put("job_type", job.jobType());
    data.put("timeframe", job.timeframe().map(Enum::name).orElse(null));
    data.put("attempts", job.attempts());
    data.put("last_error", lastError);
    AlertEvent event =
        new AlertEvent(
            Optional.of(symbol),
            NotificationKind.JOB_FAILED,
            "%s: %s job failed".formatted(symbol, job.jobType()),
            "The %s job for %s died after %d attempts: %s"
                .formatted(job.jobType(), symbol, job.attempts(), lastError),
            data,
            "job.failed:%d".formatted(job.id()),
            job.jobType());
    Outbox.fanOut(handle, event, at);
  }
}
