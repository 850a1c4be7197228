package dev.swiftbolt.ml.evaluation;

import dev.swiftbolt.ml.features.FeatureMatrix;
import dev.swiftbolt.ml.features.InsufficientHistoryException;
import dev.swiftbolt.ml.features.LabelledMatrix;
import dev.swiftbolt.ml.features.Labels;
import dev.swiftbolt.ml.models.ModelKind;
import dev.swiftbolt.ml.models.ModelTrainer;
import dev.swiftbolt.parallel.OrderedParallel;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Honest evaluation of one model kind on one {@link LabelledMatrix}: a backtest on the last months
 * and a purged, expanding-window walk-forward. Every model is fitted only on rows whose labels end
 * before its test window; every score carries n, a Wilson interval and the naive baselines ({@link
 * NaiveBaselines}: the majority of the same training rows, and persistence) on the same test rows.
 *
 * <p>Windows are calendar months counted back from the last bar's open time T: the backtest is (T −
 * holdoutMonths, T]; walk-forward fold k of K (1 = oldest) is (T − foldMonths·(K−k+1), T −
 * foldMonths·(K−k)]. Rows without a label (the last h bars) are never scored.
 *
 * <p>Thread-safe: every fit is independent ({@link ModelTrainer} is thread-safe).
 */
public final class Evaluator {
  private final ModelTrainer trainer;
  private final EvaluationConfig config;
  private final ModelKind primary;
  private final int windowThreads;

  public Evaluator(ModelTrainer trainer, EvaluationConfig config, ModelKind primary) {
    this(trainer, config, primary, 1);
  }

  /**
   * @param windowThreads how many test windows {@link #backtestAndWalkForward} may fit at once
   * @throws IllegalArgumentException when {@code windowThreads} is below 1
   */
  public Evaluator(
      ModelTrainer trainer, EvaluationConfig config, ModelKind primary, int windowThreads) {
    this.trainer = Objects.requireNonNull(trainer, "trainer");
    this.config = Objects.requireNonNull(config, "config");
    this.primary = Objects.requireNonNull(primary, "primary");
    if (windowThreads < 1) {
      throw new IllegalArgumentException("windowThreads must be at least 1, got " + windowThreads);
    }
    this.windowThreads = windowThreads;
  }

  /** A backtest and a walk-forward of the same data. */
  public record BacktestAndWalkForward(BacktestResult backtest, WalkForwardResult walkForward) {}

  /**
   * The backtest and the walk-forward of {@code data}, exactly as {@link #backtest} then {@link
   * #walkForward} give them, with the fits of the test windows run on up to {@code windowThreads}
   * threads (every fit is independent and deterministic, so the results do not depend on the number
   * of threads). A window whose training and test rows are those of an earlier one is not fitted
   * again: with the defaults the newest walk-forward fold is the backtest (both the last three
   * months, trained on every row before them), so five windows cost four fits.
   *
   * @throws InsufficientHistoryException as {@link #backtest} or {@link #walkForward} would
   */
  public BacktestAndWalkForward backtestAndWalkForward(LabelledMatrix data) {
    TestWindow holdout = window(data, config.holdoutMonths(), 0);
    List<WindowSplit> splits = new ArrayList<>();
    splits.add(split(data, holdout, "backtest"));
    List<TestWindow> folds = foldWindows(data);
    for (int f = 0; f < folds.size(); f++) {
      splits.add(split(data, folds.get(f), "walk-forward fold " + (f + 1)));
    }
    List<WindowSplit> distinct = new ArrayList<>();
    int[] fitOf = new int[splits.size()];
    for (int i = 0; i < splits.size(); i++) {
      WindowSplit s = splits.get(i);
      int same = 0;
      while (same < distinct.size() && !distinct.get(same).sameRows(s)) {
        same++;
      }
      if (same == distinct.size()) {
        distinct.add(s);
      }
      fitOf[i] = same;
    }
    List<WindowOutcome> fitted =
        OrderedParallel.map(distinct, windowThreads, s -> fitAndScore(data.features(), s));
    List<WindowOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < splits.size(); i++) {
      outcomes.add(fitted.get(fitOf[i]));
    }
    return new BacktestAndWalkForward(
        backtestResult(data, holdout, outcomes.get(0)),
        walkForwardResult(data, folds, outcomes.subList(1, outcomes.size())));
  }

  /**
   * @throws InsufficientHistoryException when the history is too short for the holdout and a
   *     training set of {@code minTrainingRows}
   */
  public BacktestResult backtest(LabelledMatrix data) {
    TestWindow window = window(data, config.holdoutMonths(), 0);
    WindowOutcome outcome = scoreWindow(data, window, "backtest");
    return backtestResult(data, window, outcome);
  }

  private static BacktestResult backtestResult(
      LabelledMatrix data, TestWindow window, WindowOutcome outcome) {
    return new BacktestResult(
        outcome.score(),
        outcome.linear(),
        outcome.trainingRows(),
        data.barTime(window.firstBar()),
        data.barTime(window.lastBar()),
        outcome.candidates());
  }

  /**
   * @throws InsufficientHistoryException when the history is too short for the first fold
   */
  public WalkForwardResult walkForward(LabelledMatrix data) {
    List<TestWindow> windows = foldWindows(data);
    List<WindowOutcome> outcomes = new ArrayList<>();
    for (int f = 0; f < windows.size(); f++) {
      TestWindow w = windows.get(f);
      outcomes.add(scoreWindow(data, w, "walk-forward fold " + (f + 1)));
    }
    return walkForwardResult(data, windows, outcomes);
  }

  private List<TestWindow> foldWindows(LabelledMatrix data) {
    int k = config.walkForwardFolds();
    List<TestWindow> windows = new ArrayList<>();
    for (int fold = 1; fold <= k; fold++) {
      windows.add(window(data, config.foldMonths(), k - fold));
    }
    return windows;
  }

  private WalkForwardResult walkForwardResult(
      LabelledMatrix data, List<TestWindow> windows, List<WindowOutcome> outcomes) {
    List<FoldResult> folds = new ArrayList<>();
    int correct = 0;
    NaiveBaselines.Hits baseline = NaiveBaselines.Hits.NONE;
    CandidateRows candidates = CandidateRows.EMPTY;
    int linearCorrect = 0;
    int n = 0;
    for (int f = 0; f < windows.size(); f++) {
      TestWindow w = windows.get(f);
      WindowOutcome o = outcomes.get(f);
      folds.add(
          new FoldResult(
              f + 1,
              data.barTime(w.firstBar()),
              data.barTime(w.lastBar()),
              o.trainingRows(),
              o.score(),
              o.linear(),
              o.candidates()));
      n += o.actual().length;
      correct += o.correct();
      baseline = baseline.plus(o.baselines());
      candidates = candidates.plus(o.candidates());
      linearCorrect += o.linearCorrect();
    }
    Optional<Score> linear =
        config.linearBaseline()
            ? Optional.of(Score.of(linearCorrect, n, baseline))
            : Optional.empty();
    return new WalkForwardResult(
        Score.of(correct, n, baseline),
        linear,
        folds,
        Calibration.assess(outcomes, config),
        candidates);
  }

  /** The window of bars with open time in (T − months·(offset + 1), T − months·offset]. */
  private static TestWindow window(LabelledMatrix data, int months, int offset) {
    int last = data.barCount() - 1;
    if (last < 0) {
      throw new InsufficientHistoryException("no bars to evaluate");
    }
    ZonedDateTime t = data.barTime(last).atZone(ZoneOffset.UTC);
    long endExclusiveAfter = t.minusMonths((long) months * offset).toEpochSecond();
    long startExclusive = t.minusMonths((long) months * (offset + 1)).toEpochSecond();
    int first = firstBarAfter(data, startExclusive);
    int lastBar = firstBarAfter(data, endExclusiveAfter) - 1;
    if (first > lastBar) {
      throw new InsufficientHistoryException(
          "no bars between %s and %s"
              .formatted(
                  Instant.ofEpochSecond(startExclusive), Instant.ofEpochSecond(endExclusiveAfter)));
    }
    return new TestWindow(first, lastBar);
  }

  private static int firstBarAfter(LabelledMatrix data, long epochSecond) {
    int lo = 0;
    int hi = data.barCount();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (data.barEpochSecond(mid) <= epochSecond) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private WindowOutcome scoreWindow(LabelledMatrix data, TestWindow window, String what) {
    return fitAndScore(data.features(), split(data, window, what));
  }

  /**
   * The purged training rows and the test rows of one window, with their labels and the naive
   * baselines' hits on the test rows.
   */
  private record WindowSplit(
      int[] train,
      int[] trainLabels,
      int[] test,
      int[] testLabels,
      NaiveBaselines.Hits baselines,
      int majorityClass,
      int[] persistence) {

    /** Whether {@code other} trains on the same rows and tests the same rows (so fits the same). */
    boolean sameRows(WindowSplit other) {
      return Arrays.equals(train, other.train) && Arrays.equals(test, other.test);
    }
  }

  private WindowSplit split(LabelledMatrix data, TestWindow window, String what) {
    FeatureMatrix m = data.features();
    int[] train = new int[m.rows()];
    int[] trainLabels = new int[m.rows()];
    int[] test = new int[m.rows()];
    int[] testLabels = new int[m.rows()];
    int[] testBars = new int[m.rows()];
    int nTrain = 0;
    int nTest = 0;
    for (int r = 0; r < m.rows(); r++) {
      int label = data.labelOfRow(r);
      if (label == Labels.NONE) {
        continue;
      }
      int bar = m.barIndex(r);
      if (window.contains(bar)) {
        testBars[nTest] = bar;
        test[nTest] = r;
        testLabels[nTest++] = label;
      } else if (window.labelEndsBefore(bar, data.horizon())) {
        train[nTrain] = r;
        trainLabels[nTrain++] = label;
      }
    }
    if (nTrain < config.minTrainingRows()) {
      throw new InsufficientHistoryException(
          "%s has %s purged training rows before %s; needs at least %s"
              .formatted(what, nTrain, data.barTime(window.firstBar()), config.minTrainingRows()));
    }
    trainLabels = Arrays.copyOf(trainLabels, nTrain);
    int majorityClass = NaiveBaselines.majority(trainLabels);
    int[] persistence = new int[nTest];
    int[] codes = data.labels().codes();
    for (int i = 0; i < nTest; i++) {
      persistence[i] =
          NaiveBaselines.persistence(testBars[i], codes, data.horizon(), majorityClass);
    }
    return new WindowSplit(
        Arrays.copyOf(train, nTrain),
        trainLabels,
        Arrays.copyOf(test, nTest),
        Arrays.copyOf(testLabels, nTest),
        NaiveBaselines.score(
            trainLabels, Arrays.copyOf(testBars, nTest), data.labels().codes(), data.horizon()),
        majorityClass,
        persistence);
  }

  private WindowOutcome fitAndScore(FeatureMatrix m, WindowSplit split) {
    int[] train = split.train();
    int[] trainLabels = split.trainLabels();
    int[] test = split.test();
    int[] actual = split.testLabels();
    NaiveBaselines.Hits baselineCorrect = split.baselines();
    double[][] p = new double[0][];
    int correct = 0;
    if (test.length > 0) {
      p = trainer.train(primary, m, train, trainLabels).predict(m, test);
      correct = hits(p, actual);
    }
    int linearCorrect = 0;
    if (config.linearBaseline() && test.length > 0) {
      linearCorrect =
          hits(trainer.train(ModelKind.LOGISTIC, m, train, trainLabels).predict(m, test), actual);
    }
    Optional<Score> linear =
        config.linearBaseline()
            ? Optional.of(Score.of(linearCorrect, actual.length, baselineCorrect))
            : Optional.empty();
    int[] predicted = new int[actual.length];
    for (int i = 0; i < actual.length; i++) {
      predicted[i] = CalibrationMetrics.argmax(p[i]);
    }
    int[] majority = new int[actual.length];
    Arrays.fill(majority, split.majorityClass());
    return new WindowOutcome(
        train.length,
        p,
        actual,
        correct,
        baselineCorrect,
        linearCorrect,
        Score.of(correct, actual.length, baselineCorrect),
        linear,
        new CandidateRows(actual, predicted, majority, split.persistence()));
  }

  private static int hits(double[][] p, int[] actual) {
    int hits = 0;
    for (int i = 0; i < actual.length; i++) {
      hits += CalibrationMetrics.argmax(p[i]) == actual[i] ? 1 : 0;
    }
    return hits;
  }

  /** What one fitted window produced (probabilities kept for calibration). */
  record WindowOutcome(
      int trainingRows,
      double[][] probabilities,
      int[] actual,
      int correct,
      NaiveBaselines.Hits baselines,
      int linearCorrect,
      Score score,
      Optional<Score> linear,
      CandidateRows candidates) {}
}
