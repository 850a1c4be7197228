package dev.swiftbolt.marketdata;

import dev.swiftbolt.market.Timeframe;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses bar files in the common layouts: {@code date,open,high,low,close,volume} and Yahoo
 * Finance's {@code Date,Open,High,Low,Close,Adj Close,Volume} (the unadjusted {@code Close} is
 * used; {@code Adj Close} and any other extra column are ignored). Header names are matched
 * case-insensitively and the date column may be called {@code date}, {@code datetime}, {@code
 * timestamp} or {@code time}. LF or CRLF line ends, rows in any order.
 *
 * <p>Timestamps: a date ({@code 2013-01-02}) means that day's regular session, so its {@code ts} is
 * the 09:30 America/New_York open of that date (the canonical D1 {@code ts}); only D1 and W1 files
 * may use bare dates. ISO date-times with an offset ({@code 2024-01-02T14:30:00Z}) are taken as
 * given, without one ({@code 2024-01-02T09:30:00}) as New York local time. For D1 and W1 a
 * date-time is moved to the open of its New York date.
 *
 * <p>The file is accepted whole or not at all: the first bad row (unparsable number or date, high
 * below low, open or close outside [low, high], negative volume, non-positive price, duplicate
 * timestamp) throws {@link BarFileException} with its line number and rule. Stateless and
 * thread-safe.
 */
public final class CsvBarParser {

  private static final List<String> DATE_NAMES = List.of("date", "datetime", "timestamp", "time");
  private static final List<String> PRICE_NAMES = List.of("open", "high", "low", "close", "volume");

  private final TradingCalendar calendar;

  public CsvBarParser(TradingCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /**
   * Reads every row of {@code reader} as a {@code timeframe} bar, oldest first.
   *
   * @param fileName used in messages only
   * @throws BarFileException on the first bad row or a missing column
   * @throws UncheckedIOException when reading fails
   */
  public List<Bar> parse(Reader reader, String fileName, Timeframe timeframe) {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> columns = columns(parser.getHeaderNames(), fileName);
      List<Bar> bars = new ArrayList<>();
      Map<Instant, Long> seen = new HashMap<>();
      Iterator<CSVRecord> rows = parser.iterator();
      while (true) {
        CSVRecord row;
        try {
          if (!rows.hasNext()) {
            break;
          }
          row = rows.next();
        } catch (UncheckedIOException e) {
          throw malformed(fileName, parser.getCurrentLineNumber() + 1, e.getCause());
        }
        long line = parser.getCurrentLineNumber();
        Bar bar = toBar(row, columns, timeframe, fileName, line);
        Long previous = seen.putIfAbsent(bar.ts(), line);
        if (previous != null) {
          throw new BarFileException(
              fileName,
              line,
              "duplicate timestamp " + bar.ts() + " (also on line " + previous + ")");
        }
        bars.add(bar);
      }
      bars.sort(Comparator.comparing(Bar::ts));
      return bars;
    } catch (CSVException e) {
      throw malformed(fileName, 1, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      if (e instanceof BarFileException) {
        throw e;
      }
      throw new BarFileException(fileName, 1, "not a readable CSV header: " + e.getMessage());
    }
  }

  private static RuntimeException malformed(String fileName, long line, Throwable cause) {
    if (cause instanceof CSVException) {
      return new BarFileException(fileName, line, "malformed CSV: " + cause.getMessage());
    }
    return new UncheckedIOException(
        "cannot read " + fileName + ": " + cause.getMessage(),
        cause instanceof IOException ? (IOException) cause : new IOException(cause));
  }

  private static Map<String, Integer> columns(List<String> header, String fileName) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      byName.putIfAbsent(header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
    }
    Map<String, Integer> columns = new HashMap<>();
    Optional<String> dateName = DATE_NAMES.stream().filter(byName::containsKey).findFirst();
    if (dateName.isEmpty()) {
      throw new BarFileException(
          fileName, 1, "header has no date column (expected one of " + DATE_NAMES + ")");
    }
    columns.put("date", byName.get(dateName.get()));
    for (String name : PRICE_NAMES) {
      Integer index = byName.get(name);
      if (index == null) {
        throw new BarFileException(fileName, 1, "header has no '" + name + "' column");
      }
      columns.put(name, index);
    }
    return columns;
  }

  private Bar toBar(
      CSVRecord row, Map<String, Integer> columns, Timeframe timeframe, String file, long line) {
    Instant ts = timestamp(field(row, columns, "date", file, line), timeframe, file, line);
    Bar bar =
        new Bar(
            ts,
            number(row, columns, "open", file, line),
            number(row, columns, "high", file, line),
            number(row, columns, "low", file, line),
            number(row, columns, "close", file, line),
            number(row, columns, "volume", file, line));
    bar.violation()
        .ifPresent(
            rule -> {
              throw new BarFileException(file, line, rule);
            });
    return bar;
  }

  private static String field(
      CSVRecord row, Map<String, Integer> columns, String name, String file, long line) {
    int index = columns.get(name);
    if (index >= row.size()) {
      throw new BarFileException(file, line, "missing '" + name + "' field");
    }
    return row.get(index).trim();
  }

  private static double number(
      CSVRecord row, Map<String, Integer> columns, String name, String file, long line) {
    String text = field(row, columns, name, file, line);
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BarFileException(file, line, "unparsable number in '" + name + "': '" + text + "'");
  }

  private Instant timestamp(String text, Timeframe timeframe, String file, long line) {
    boolean daily = timeframe == Timeframe.D1 || timeframe == Timeframe.W1;
    try {
      if (text.length() == 10) {
        LocalDate date = LocalDate.parse(text);
        if (!daily) {
          throw new BarFileException(
              file, line, "a bare date '" + text + "' cannot be a " + timeframe + " bar time");
        }
        return calendar.openInstant(date);
      }
      String iso = text.replace(' ', 'T');
      Instant instant;
      try {
        instant = OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException noOffset) {
        instant = LocalDateTime.parse(iso).atZone(TradingCalendar.NEW_YORK).toInstant();
      }
      return daily ? calendar.openInstant(calendar.tradingDate(instant)) : instant;
    } catch (DateTimeParseException e) {
      throw new BarFileException(
          file, line, "unparsable date '" + text + "' (expected 2013-01-02 or an ISO date-time)");
    }
  }
}
