package dev.swiftbolt.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swiftbolt.db.Database;
import dev.swiftbolt.db.TestDatabase;
import dev.swiftbolt.market.Timeframe;
import dev.swiftbolt.marketdata.Bar;
import dev.swiftbolt.marketdata.BarRepository;
import dev.swiftbolt.ml.SyntheticBars;
import dev.swiftbolt.ml.features.BarColumns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BulkBarReaderTest {
  private static Database db;

  @BeforeAll
  static void open() {
    db = TestDatabase.create();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static long symbol(String code) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO symbols (symbol, name, exchange) VALUES (:s, :s, 'SIM')"
                            + " RETURNING id")
                    .bind("s", code)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void bulk_columns_equal_the_bars_the_repository_reads_in_time_order_for_every_symbol() {
    long a = symbol("BLKA");
    long b = symbol("BLKB");
    long empty = symbol("BLKC");
    BarRepository bars = new BarRepository(db.jdbi());
    List<Bar> barsA = SyntheticBars.randomWalk(1, 300);
    List<Bar> barsB = SyntheticBars.randomWalk(2, 250);
    // stored newest half first, so storage order is not time order
    bars.upsert(a, Timeframe.D1, "sim", barsA.subList(150, 300));
    bars.upsert(a, Timeframe.D1, "sim", barsA.subList(0, 150));
    bars.upsert(b, Timeframe.D1, "sim", barsB);
    bars.upsert(b, Timeframe.W1, "sim", SyntheticBars.weekly(barsB));

    Map<Long, BarColumns> read =
        new BulkBarReader(db.jdbi()).read(List.of(b, a, empty), Timeframe.D1);

    assertThat(read.keySet()).containsExactly(a, b);
    BarReader reader = BarReader.ohlcBars(db.jdbi());
    for (long id : List.of(a, b)) {
      BarColumns expected = BarColumns.of(reader.bars(id, Timeframe.D1));
      BarColumns actual = read.get(id);
      assertThat(actual.ts()).containsExactly(expected.ts());
      assertThat(actual.open()).containsExactly(expected.open());
      assertThat(actual.high()).containsExactly(expected.high());
      assertThat(actual.low()).containsExactly(expected.low());
      assertThat(actual.close()).containsExactly(expected.close());
      assertThat(actual.volume()).containsExactly(expected.volume());
    }
    assertThat(BarColumns.of(barsA).close()).containsExactly(read.get(a).close());
  }
}
