package dev.swiftbolt.pipelines;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a stage did, as named counts (e.g. {@code enqueued}, {@code already_active}). */
public record StageCounts(Map<String, Long> counts) {

  public StageCounts {
    Objects.requireNonNull(counts, "counts");
    counts.forEach(
        (k, v) -> {
          if (!k.matches("^[a-z][a-z0-9_]*$")) {
            throw new IllegalArgumentException("count name '" + k + "' must be snake_case");
          }
          Objects.requireNonNull(v, k);
        });
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  public static StageCounts none() {
    return new StageCounts(Map.of());
  }

  public static StageCounts of(String name, long value) {
    return new StageCounts(Map.of(name, value));
  }

  public static StageCounts of(String name1, long value1, String name2, long value2) {
    LinkedHashMap<String, Long> m = new LinkedHashMap<>();
    m.put(name1, value1);
    m.put(name2, value2);
    return new StageCounts(m);
  }
}
