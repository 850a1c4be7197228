package dev.swiftbolt.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swiftbolt.market.Timeframe;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvBarParserTest {

  private final CsvBarParser parser = new CsvBarParser(TradingCalendar.nyse());

  private List<Bar> parse(String text, Timeframe tf) {
    return parser.parse(new StringReader(text), "bars.csv", tf);
  }

  @Test
  void plain_layout_dates_become_the_new_york_open_of_that_session() {
    List<Bar> bars =
        parse(
            "date,open,high,low,close,volume\n2013-01-02,553.82,555.00,541.63,549.03,20018500\n",
            Timeframe.D1);
    // January: EST, 09:30 New York = 14:30 UTC
    assertThat(bars)
        .containsExactly(
            new Bar(
                Instant.parse("2013-01-02T14:30:00Z"), 553.82, 555.00, 541.63, 549.03, 20018500));
  }

  @Test
  void yahoo_layout_with_crlf_upper_case_headers_and_adj_close_uses_the_unadjusted_close() {
    String yahoo =
        "Date,Open,High,Low,Close,Adj Close,Volume\r\n"
            + "2024-07-02,10,12,9,11,10.5,100\r\n"
            + "2024-07-01,9,10,8,9.5,9.1,200\r\n";
    List<Bar> bars = parse(yahoo, Timeframe.D1);
    // July: EDT, 09:30 New York = 13:30 UTC; rows come back oldest first
    assertThat(bars)
        .containsExactly(
            new Bar(Instant.parse("2024-07-01T13:30:00Z"), 9, 10, 8, 9.5, 200),
            new Bar(Instant.parse("2024-07-02T13:30:00Z"), 10, 12, 9, 11, 100));
  }

  @Test
  void iso_date_times_are_taken_as_given_or_as_new_york_time_without_offset() {
    String text =
        "timestamp,open,high,low,close,volume\n"
            + "2024-01-02T14:30:00Z,1,2,1,2,5\n"
            + "2024-01-02T09:45:00,2,2,1,1,5\n";
    assertThat(parse(text, Timeframe.M15))
        .extracting(Bar::ts)
        .containsExactly(
            Instant.parse("2024-01-02T14:30:00Z"), Instant.parse("2024-01-02T14:45:00Z"));
  }

  @Test
  void a_bare_date_cannot_be_an_intraday_bar() {
    assertThatThrownBy(
            () -> parse("date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n", Timeframe.M15))
        .isInstanceOf(BarFileException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("bare date");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-03,abc,2,1,1.5,10 | unparsable number in 'open'",
        "2024-01-03,1.5,1,2,1.5,10 | high must not be below low",
        "2024-01-03,2.5,2,1,1.5,10 | open must lie within [low, high]",
        "2024-01-03,1.5,2,1,0.5,10 | close must lie within [low, high]",
        "2024-01-03,1.5,2,1,1.5,-1 | volume must not be negative",
        "2024-01-03,0,2,0,1.5,10 | prices must be positive",
        "2024-01-02,1.5,2,1,1.5,10 | duplicate timestamp",
        "2024-13-03,1.5,2,1,1.5,10 | unparsable date",
      })
  void a_bad_row_rejects_the_whole_file_naming_its_line_and_rule(String badRow, String rule) {
    String text =
        "date,open,high,low,close,volume\n"
            + "2024-01-02,1,2,1,2,5\n"
            + "\n"
            + "2024-01-04,1,2,1,2,5\n"
            + badRow
            + "\n"
            + "2024-01-05,1,2,1,2,5\n";
    // the bad row is on line 5 (the blank line 3 still counts)
    assertThatThrownBy(() -> parse(text, Timeframe.D1))
        .isInstanceOf(BarFileException.class)
        .hasMessageContaining("bars.csv line 5: " + rule)
        .hasMessageContaining("nothing written");
  }

  @Test
  void a_bad_last_row_without_final_newline_still_names_its_line() {
    String text = "date,open,high,low,close,volume\n2024-01-02,1,2,1,2,5\n2024-01-03,1,2,1,2,-5";
    assertThatThrownBy(() -> parse(text, Timeframe.D1)).hasMessageContaining("line 3");
  }

  @Test
  void an_unterminated_quote_is_a_malformed_file_not_a_crash() {
    String text = "date,open,high,low,close,volume\n2024-01-02,1,2,1,2,5\n\"2024-01-03,1,2,1,2,5\n";
    assertThatThrownBy(() -> parse(text, Timeframe.D1))
        .isInstanceOf(BarFileException.class)
        .hasMessageContaining("malformed CSV");
  }

  @Test
  void a_missing_column_is_reported_on_the_header_line() {
    assertThatThrownBy(() -> parse("date,open,high,low,close\n2024-01-02,1,2,1,2\n", Timeframe.D1))
        .isInstanceOf(BarFileException.class)
        .hasMessageContaining("line 1: header has no 'volume' column");
  }
}
