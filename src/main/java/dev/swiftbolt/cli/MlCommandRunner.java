package dev.swiftbolt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.ml.MlService;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.models.XGBoostDirectionModel;
import dev.swiftbolt.ml.registry.BarReader;
import dev.swiftbolt.parallel.OrderedParallel;
import dev.swiftbolt.symbols.SymbolRegistry;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one ml operation for every selected symbol × timeframe, several series at once (bounded by
 * {@code --threads}), printing each result in selection order as soon as it and the ones before it
 * are done. A series that fails (too little history, …) is reported on stderr and the others still
 * run; the exit code is then 1.
 */
final class MlCommandRunner {

  /** One ml operation on one series, returning what to print. */
  @FunctionalInterface
  interface Operation<T> {
    T run(MlService service, String symbol, Timeframe timeframe);
  }

  private record Series(String symbol, Timeframe timeframe) {}

  private MlCommandRunner() {}

  static MlService service(Database database) {
    return service(database, 1);
  }

  static MlService service(Database database, int windowThreads) {
    return new MlService(
        database.jdbi(),
        BarReader.ohlcBars(database.jdbi()),
        MlSettings.defaults(),
        Clock.systemUTC(),
        windowThreads);
  }

  static <T> int run(
      Main main,
      java.io.PrintWriter err,
      SeriesSelection selection,
      int threads,
      Operation<T> operation,
      java.util.function.Function<T, String> text) {
    XGBoostDirectionModel.loadNativeLibraryInBackground(); // while the database starts
    Database database =
        main.database(new Database.PoolOptions(Math.max(10, threads + 3), "swiftbolt"));
    List<String> symbols = selection.symbols(new SymbolRegistry(database.jdbi()));
    List<Series> series = new ArrayList<>();
    for (String symbol : symbols) {
      for (Timeframe timeframe : selection.timeframes()) {
        series.add(new Series(symbol, timeframe));
      }
    }
    MlService service = service(database, Math.max(1, threads / Math.max(1, series.size())));
    int[] failures = {0};
    OrderedParallel.forEachOrdered(
        series,
        threads,
        s -> operation.run(service, s.symbol(), s.timeframe()),
        (s, outcome) -> {
          if (outcome.succeeded()) {
            System.out.println(
                selection.json ? json(outcome.value()) : text.apply(outcome.value()));
          } else if (outcome.error() instanceof InsufficientHistoryException
              || outcome.error() instanceof IllegalStateException) {
            failures[0]++;
            err.println(s.symbol() + " " + s.timeframe() + ": " + outcome.error().getMessage());
            err.flush();
          } else {
            throw outcome.error();
          }
        });
    return failures[0] == 0 ? 0 : 1;
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
