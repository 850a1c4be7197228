package dev.swiftbolt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.swiftbolt.config.Json;
import dev.swiftbolt.db.Database;
import dev.swiftbolt.ml.BarReader;
import dev.swiftbolt.ml.InsufficientHistoryException;
import dev.swiftbolt.ml.MlService;
import dev.swiftbolt.ml.MlSettings;
import dev.swiftbolt.symbols.SymbolRepository;
import dev.swiftbolt.validation.Timeframe;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Runs one ml operation for every selected symbol × timeframe. A series that fails (too little
 * history, …) is reported on stderr and the others still run; the exit code is then 1.
 */
final class MlCommandRunner {

  /** One ml operation on one series, returning what to print. */
  @FunctionalInterface
  interface Operation<T> {
    T run(MlService service, String symbol, Timeframe timeframe);
  }

  private MlCommandRunner() {}

  static MlService service(Database database) {
    return new MlService(
        database.jdbi(),
        BarReader.ohlcBars(database.jdbi()),
        MlSettings.defaults(),
        Clock.systemUTC());
  }

  static <T> int run(
      Database database,
      java.io.PrintWriter err,
      SeriesSelection selection,
      Operation<T> operation,
      java.util.function.Function<T, String> text) {
    List<String> symbols = selection.symbols(new SymbolRepository(database.jdbi()));
    List<Timeframe> timeframes = selection.timeframes();
    MlService service = service(database);
    int failures = 0;
    for (String symbol : symbols) {
      for (Timeframe timeframe : timeframes) {
        try {
          T result = operation.run(service, symbol, timeframe);
          System.out.println(selection.json ? json(result) : text.apply(result));
        } catch (InsufficientHistoryException | IllegalStateException e) {
          failures++;
          err.println(symbol + " " + timeframe + ": " + e.getMessage());
          err.flush();
        }
      }
    }
    return failures == 0 ? 0 : 1;
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
