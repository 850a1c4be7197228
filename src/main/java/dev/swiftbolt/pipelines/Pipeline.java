package dev.swiftbolt.pipelines;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named sequence of stages, run by {@link PipelineRunner} now ({@code pipeline run NAME}) or at
 * the instants of its schedule ({@link Scheduler}).
 *
 * @param name kebab-case, e.g. {@code daily-data-refresh}
 * @param description one sentence for {@code pipeline list}
 * @param schedule empty for pipelines that only run on demand
 * @param stages at least one, unique names, run in this order
 */
public record Pipeline(
    String name, String description, Optional<Schedule> schedule, List<Stage> stages) {

  /** A named stage. */
  public record Stage(String name, PipelineStage body) {
    public Stage {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(body, "body");
      if (!name.matches("^[a-z][a-z0-9-]*$")) {
        throw new IllegalArgumentException("stage name '" + name + "' must be kebab-case");
      }
    }
  }

  public Pipeline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(schedule, "schedule");
    if (!name.matches("^[a-z][a-z0-9-]{0,39}$")) {
      throw new IllegalArgumentException("pipeline name '" + name + "' must be kebab-case");
    }
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("pipeline " + name + " has no stages");
    }
    Set<String> seen = new HashSet<>();
    for (Stage s : stages) {
      if (!seen.add(s.name())) {
        throw new IllegalArgumentException(
            "pipeline " + name + " has two stages named " + s.name());
      }
    }
  }

  /** This pipeline with the body of stage {@code stageName} replaced. */
  public Pipeline withStage(String stageName, PipelineStage body) {
    if (stages.stream().noneMatch(s -> s.name().equals(stageName))) {
      throw new IllegalArgumentException(
          "pipeline " + name + " has no stage " + stageName + "; stages: " + stageNames());
    }
    return new Pipeline(
        name,
        description,
        schedule,
        stages.stream()
            .map(s -> s.name().equals(stageName) ? new Stage(stageName, body) : s)
            .toList());
  }

  public List<String> stageNames() {
    return stages.stream().map(Stage::name).toList();
  }
}
