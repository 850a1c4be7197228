package dev.swiftbolt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CopyLoaderTest {

  record Item(long id, String label, double value) {}

  private static final CopyLoader.RowWriter<Item> WRITER =
      (item, row) -> row.add(item.id()).add(item.label()).add(item.value());

  private static Database database;

  @BeforeAll
  static void open() {
    database = TestDatabase.create();
    database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "CREATE TABLE items (id BIGINT PRIMARY KEY, label TEXT, value DOUBLE PRECISION)"));
  }

  @AfterAll
  static void close() {
    database.close();
  }

  private static String query(String sql) {
    return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }

  @Test
  void copies_every_row_escapes_text_and_reports_progress() throws SQLException {
    List<Item> items = new ArrayList<>();
    IntStream.range(0, 25_000).forEach(i -> items.add(new Item(i, "row " + i, i * 0.5)));
    items.set(7, new Item(7, "tab\there\nnew line \\ backslash", 3.5));
    items.set(8, new Item(8, null, -1.25));
    List<Long> progress = new ArrayList<>();

    long copied;
    try (Connection c = database.dataSource().getConnection()) {
      copied =
          CopyLoader.copy(c, "items", "id, label, value", items.iterator(), WRITER, progress::add);
    }

    assertThat(copied).isEqualTo(25_000);
    assertThat(progress).containsExactly(10_000L, 20_000L, 25_000L);
    assertThat(query("SELECT label FROM items WHERE id = 7"))
        .isEqualTo("tab\there\nnew line \\ backslash");
    assertThat(query("SELECT (label IS NULL)::text FROM items WHERE id = 8")).isEqualTo("true");
    double expectedSum = items.stream().mapToDouble(Item::value).sum();
    assertThat(Double.parseDouble(query("SELECT sum(value)::text FROM items WHERE id < 1000000")))
        .isCloseTo(expectedSum, within(1e-6));
  }

  @Test
  void a_refused_row_leaves_nothing_after_rollback() throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      List<Item> duplicate = List.of(new Item(1_000_001, "a", 1), new Item(1_000_001, "b", 2));
      assertThatThrownBy(
              () ->
                  CopyLoader.copy(
                      c, "items", "id, label, value", duplicate.iterator(), WRITER, n -> {}))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("duplicate key");
      c.rollback();
    }
    assertThat(query("SELECT count(*)::text FROM items WHERE id = 1000001")).isEqualTo("0");
  }
}
