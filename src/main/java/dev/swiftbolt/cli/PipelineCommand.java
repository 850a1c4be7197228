package dev.swiftbolt.cli;

import dev.swiftbolt.config.Json;
import dev.swiftbolt.pipelines.JobWiring;
import dev.swiftbolt.pipelines.Pipeline;
import dev.swiftbolt.pipelines.PipelineRun;
import dev.swiftbolt.pipelines.PipelineRunner;
import dev.swiftbolt.pipelines.Schedule;
import dev.swiftbolt.pipelines.StageReport;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swiftbolt pipeline list | pipeline run NAME}. */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description =
        "The canonical pipelines: list them with their schedule and last run, run one now.",
    subcommands = {PipelineCommand.ListPipelines.class, PipelineCommand.RunPipeline.class})
final class PipelineCommand extends CommandGroup {

  private static final DateTimeFormatter NEW_YORK_TIME =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz").withZone(Schedule.NEW_YORK);

  /** One line of {@code pipeline list --json}. */
  record PipelineListing(
      String name,
      String description,
      Optional<String> schedule,
      Optional<Instant> nextRun,
      List<String> stages,
      Optional<PipelineRun> lastRun) {}

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Name, schedule, next run, last run and its status of every pipeline.")
  static final class ListPipelines implements Callable<Integer> {
    @ParentCommand PipelineCommand parent;

    @Option(names = "--json", description = "One JSON array, snake_case fields")
    boolean json;

    @Override
    public Integer call() throws Exception {
      var db = parent.main.database();
      Clock clock = Clock.systemUTC();
      PipelineRunner runner = new PipelineRunner(db.jdbi(), clock);
      List<PipelineListing> listings = new ArrayList<>();
      for (Pipeline p : JobWiring.pipelines(db, parent.main.config(), Clock.systemUTC()).all()) {
        listings.add(
            new PipelineListing(
                p.name(),
                p.description(),
                p.schedule().map(Schedule::describe),
                p.schedule().map(s -> s.nextRun(clock.instant())),
                p.stageNames(),
                runner.latest(p.name())));
      }
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(listings));
        return 0;
      }
      for (PipelineListing l : listings) {
        System.out.printf("%s — %s%n", l.name(), l.description());
        System.out.printf("  schedule: %s%n", l.schedule().orElse("on demand"));
        l.nextRun().ifPresent(t -> System.out.printf("  next run: %s%n", NEW_YORK_TIME.format(t)));
        System.out.printf("  stages:   %s%n", String.join(" → ", l.stages()));
        System.out.printf(
            "  last run: %s%n",
            l.lastRun()
                .map(r -> r.startedAt() + " " + r.status() + " (" + r.trigger() + ")")
                .orElse("never"));
      }
      return 0;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Run one pipeline now, record the run and print its stats.",
        "Exit 1 if it failed."
      })
  static final class RunPipeline implements Callable<Integer> {
    @ParentCommand PipelineCommand parent;

    @Parameters(paramLabel = "NAME", description = "A pipeline name (see: swiftbolt pipeline list)")
    String name;

    @Option(names = "--json", description = "Print the recorded run as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      var db = parent.main.database();
      Pipeline pipeline =
          JobWiring.pipelines(db, parent.main.config(), Clock.systemUTC()).get(name);
      PipelineRun run = new PipelineRunner(db.jdbi(), Clock.systemUTC()).runNow(pipeline);
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(run));
      } else {
        long ms =
            run.finishedAt().map(f -> f.toEpochMilli() - run.startedAt().toEpochMilli()).orElse(0L);
        System.out.printf("%s run %d: %s in %d ms%n", run.pipeline(), run.id(), run.status(), ms);
        for (StageReport s : run.stages()) {
          String counts =
              s.counts().entrySet().stream()
                  .sorted(java.util.Map.Entry.comparingByKey())
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(" "));
          System.out.printf(
              "  %-22s %-9s %s%s%n",
              s.stage(), s.status(), counts, s.error().map(e -> " error: " + e).orElse(""));
        }
      }
      return run.succeeded() ? 0 : 1;
    }
  }
}
