package dev.swiftbolt.cli;

import dev.swiftbolt.config.Json;
import dev.swiftbolt.jobs.JobQueries;
import dev.swiftbolt.jobs.JobView;
import dev.swiftbolt.symbols.SymbolCode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt jobs [--symbol S] [--status ST] [--json]}. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = "List jobs of the queue, newest first.")
final class JobsCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Option(names = "--symbol", paramLabel = "S", description = "Only this symbol's jobs")
  String symbol;

  @Option(
      names = "--status",
      paramLabel = "ST",
      description = "Only jobs in this status: queued, running, succeeded, dead")
  String status;

  @Option(
      names = "--limit",
      defaultValue = "200",
      description = "At most N jobs (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--json", description = "One JSON array, snake_case fields")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1");
    }
    Optional<String> symbolFilter = Optional.ofNullable(symbol).map(SymbolCode::normalize);
    List<JobView> jobs =
        new JobQueries(main.database().jdbi())
            .list(symbolFilter, Optional.ofNullable(status), limit);
    if (json) {
      System.out.println(Json.mapper().writeValueAsString(jobs));
      return 0;
    }
    if (jobs.isEmpty()) {
      System.out.println("No jobs.");
      return 0;
    }
    System.out.printf(
        "%-6s %-10s %-7s %-5s %-10s %-8s %-24s %s%n",
        "id", "job_type", "symbol", "tf", "status", "attempts", "run_after", "last_error");
    for (JobView j : jobs) {
      System.out.printf(
          "%-6d %-10s %-7s %-5s %-10s %-8s %-24s %s%n",
          j.id(),
          j.jobType(),
          j.symbol().orElse("-"),
          j.timeframe().orElse("all"),
          j.status(),
          j.attempts() + "/" + j.maxAttempts(),
          j.runAfter(),
          j.lastError().orElse(""));
    }
    return 0;
  }
}
