package org.backstrat.analysis.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.backstrat.core.BadInputException;
import org.junit.jupiter.api.Test;

class RepeatedCrossValidationTest {

  /** Three well-separated Gaussian classes with 2 features, first column carries a row tag. */
  private static SharedTestData.Labelled synthetic(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 7 < 3 ? 0 : (i % 7 < 5 ? 1 : 2);
      x[i] = new double[] {i, y[i] * 1.5 + gaussian(r), -y[i] + gaussian(r)};
    }
    return new SharedTestData.Labelled(x, y, 3);
  }

  private static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /** Drops column 0 (the row tag) before the model sees it. */
  private static final FoldTransformFitter DROP_TAG = rows -> row -> new double[] {row[1], row[2]};

  @Test
  void transformIsFittedOnTrainingRowsOnlyAndNeverSeesHeldOutRows() {
    var d = synthetic(140, 3);
    RepeatedCrossValidation cv = RepeatedCrossValidation.withDefaults().withFolds(5).withRepeats(3);
    int[][] folds = cv.foldAssignments(d.classes(), 3);
    List<double[]> seenTags = Collections.synchronizedList(new ArrayList<>());
    FoldTransformFitter recording = rows -> {
      double[] tags = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        tags[i] = rows[i][0];
      }
      seenTags.add(tags);
      return DROP_TAG.fit(rows);
    };
    cv.run(d.features(), d.classes(), 3, MultinomialLogisticTrainer.withDefaults(), recording);
    assertThat(seenTags).hasSize(15);
    for (int t = 0; t < 15; t++) {
      int repeat = t / 5;
      int fold = t % 5;
      double[] tags = seenTags.get(t);
      int expectedTrain = 0;
      for (int i = 0; i < 140; i++) {
        if (folds[repeat][i] != fold) {
          expectedTrain++;
        }
      }
      assertThat(tags).hasSize(expectedTrain);
      for (double tag : tags) {
        assertThat(folds[repeat][(int) tag]).as("row %d fitted in its own held-out fold", (int) tag)
            .isNotEqualTo(fold);
      }
    }
  }

  @Test
  void trainerNeverSeesHeldOutRows() {
    var d = synthetic(70, 4);
    RepeatedCrossValidation cv = RepeatedCrossValidation.withDefaults().withRepeats(2).withThreads(3);
    int[][] folds = cv.foldAssignments(d.classes(), 3);
    List<double[][]> trained = Collections.synchronizedList(new ArrayList<>());
    ClassifierTrainer recording = (x, y, k) -> {
      trained.add(x);
      FoldTransform drop = DROP_TAG.fit(x);
      Classifier model = MultinomialLogisticTrainer.withDefaults().train(drop.applyAll(x), y, k);
      return new Classifier() {
        @Override
        public int classCount() {
          return k;
        }

        @Override
        public double[] predictProbabilities(double[] features) {
          return model.predictProbabilities(drop.apply(features));
        }
      };
    };
    cv.run(d.features(), d.classes(), 3, recording, FoldTransformFitter.identity());
    assertThat(trained).hasSize(10);
    Set<Integer> sizes = new java.util.TreeSet<>();
    for (double[][] x : trained) {
      sizes.add(x.length);
      // identify the (repeat, fold) of this fit: the fold that none of its rows belongs to
      int matches = 0;
      for (int r = 0; r < 2; r++) {
        for (int f = 0; f < 5; f++) {
          boolean clean = true;
          for (double[] row : x) {
            clean &= folds[r][(int) row[0]] != f;
          }
          matches += clean ? 1 : 0;
        }
      }
      assertThat(matches).as("fit whose rows avoid one whole fold").isGreaterThanOrEqualTo(1);
    }
    assertThat(sizes).allMatch(n -> n == 56);
  }

  @Test
  void resultsAreIdenticalForAnyThreadCount() {
    var d = synthetic(210, 5);
    FoldTransformFitter t = DROP_TAG.andThen(new ZScoreFitter());
    RepeatedCrossValidation cv = RepeatedCrossValidation.withDefaults().withSeed(42);
    MultinomialRidgeTrainer ridge = MultinomialRidgeTrainer.crossValidated(3).withSeparationCheck();
    CrossValidationResult one = cv.withThreads(1).run(d.features(), d.classes(), 3, ridge, t);
    CrossValidationResult four = cv.withThreads(4).run(d.features(), d.classes(), 3, ridge, t);
    assertThat(four).usingRecursiveComparison().isEqualTo(one);
    assertThat(one.foldResults()).hasSize(50);
    assertThat(one.separationChecked()).isTrue();
    assertThat(one.lambdas()).hasSize(50);
    assertThat(java.util.Arrays.stream(one.lambdas()).allMatch(l -> l > 0)).isTrue();
  }

  @Test
  void sameSeedSameFoldsAndOtherSeedOtherFolds() {
    var d = synthetic(100, 6);
    int[][] a = RepeatedCrossValidation.withDefaults().withSeed(7).foldAssignments(d.classes(), 3);
    int[][] b = RepeatedCrossValidation.withDefaults().withSeed(7).foldAssignments(d.classes(), 3);
    int[][] c = RepeatedCrossValidation.withDefaults().withSeed(8).foldAssignments(d.classes(), 3);
    assertThat(a).isDeepEqualTo(b);
    assertThat(java.util.Arrays.deepEquals(a, c)).isFalse();
    assertThat(a[0]).isNotEqualTo(a[1]);
  }

  @Test
  void foldsKeepClassProportionsWithinOneRow() {
    var d = SharedTestData.vertebral3c();
    int[] counts = new int[3];
    for (int c : d.classes()) {
      counts[c]++;
    }
    int[][] folds = RepeatedCrossValidation.withDefaults().foldAssignments(d.classes(), 3);
    for (int[] assignment : folds) {
      int[][] perFold = new int[5][3];
      for (int i = 0; i < assignment.length; i++) {
        perFold[assignment[i]][d.classes()[i]]++;
      }
      for (int f = 0; f < 5; f++) {
        for (int c = 0; c < 3; c++) {
          assertThat(perFold[f][c]).isBetween(counts[c] / 5, (counts[c] + 4) / 5);
        }
        int size = perFold[f][0] + perFold[f][1] + perFold[f][2];
        assertThat(size).isBetween(310 / 5, 310 / 5 + 1);
      }
    }
  }

  @Test
  void pooledConfusionCountsEveryRowOncePerRepeat() {
    var d = synthetic(140, 8);
    CrossValidationResult r = RepeatedCrossValidation.withDefaults().withRepeats(3).run(
        d.features(), d.classes(), 3, MultinomialLogisticTrainer.withDefaults(), DROP_TAG);
    long total = 0;
    long[] perClass = new long[3];
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        total += r.pooledConfusion()[a][b];
        perClass[a] += r.pooledConfusion()[a][b];
      }
    }
    assertThat(total).isEqualTo(3 * 140);
    assertThat(perClass).containsExactly(3 * 60, 3 * 40, 3 * 40);
    // the pooled matrix is the confusion of the stored out-of-fold predictions
    long[][] fromPredictions = new long[3][3];
    for (int[] p : r.outOfFoldPredictions()) {
      for (int i = 0; i < 140; i++) {
        fromPredictions[d.classes()[i]][p[i]]++;
      }
    }
    assertThat(r.pooledConfusion()).isDeepEqualTo(fromPredictions);
  }

  @Test
  void summaryIsMeanAndSampleSdOfFoldMetrics() {
    var d = synthetic(105, 9);
    CrossValidationResult r = RepeatedCrossValidation.withDefaults().withRepeats(2).run(
        d.features(), d.classes(), 3, MultinomialLogisticTrainer.withDefaults(), DROP_TAG);
    double[] acc = r.foldResults().stream().mapToDouble(f -> f.metrics().accuracy()).toArray();
    double mean = java.util.Arrays.stream(acc).average().orElseThrow();
    double ss = java.util.Arrays.stream(acc).map(a -> (a - mean) * (a - mean)).sum();
    assertThat(r.accuracyMean()).isEqualTo(mean, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(r.accuracySd()).isEqualTo(Math.sqrt(ss / 9), org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void vertebralColumnAccuracyIsPlausible() {
    var d = SharedTestData.vertebral3c();
    CrossValidationResult r = RepeatedCrossValidation.withDefaults().run(d.features(), d.classes(), 3,
        MultinomialLogisticTrainer.withDefaults(), new ZScoreFitter());
    // published multinomial logistic accuracies on this data set are ~0.83-0.87
    assertThat(r.accuracyMean()).isBetween(0.80, 0.90);
    assertThat(r.nonConvergedFits()).isZero();
    assertThat(r.balancedAccuracyMean()).isLessThanOrEqualTo(r.accuracyMean() + 0.05);
  }

  @Test
  void classWithOneMemberIsRefusedWithAMessage() {
    double[][] x = new double[12][1];
    int[] y = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2};
    assertThatThrownBy(() -> RepeatedCrossValidation.withDefaults().run(x, y, 3,
        MultinomialLogisticTrainer.withDefaults(), FoldTransformFitter.identity()))
        .isInstanceOf(BadInputException.class).hasMessageContaining("class 2 has 1 member");
  }

  @Test
  void fixedFoldsReproduceScikitLearnCrossValidationOnVertebralColumn() {
    var d = SharedTestData.vertebral3c();
    int n = d.classes().length;
    int[][] folds = new int[2][n];
    for (int r = 0; r < 2; r++) {
      for (int i = 0; i < n; i++) {
        folds[r][i] = (i + r * (i / 5)) % 5;
      }
    }
    CrossValidationResult res = RepeatedCrossValidation.withDefaults().runWithFolds(d.features(),
        d.classes(), 3, MultinomialLogisticTrainer.withDefaults(), new ZScoreFitter(), folds);
    List<String> ref = SharedTestData.resourceLines("/reference/validation/cv_vertebral.csv");
    int foldLine = 0;
    for (String line : ref) {
      String[] f = line.split(",");
      switch (f[0]) {
        case "fold" -> {
          var fr = res.foldResults().get(foldLine++);
          assertThat(fr.repeat()).isEqualTo(Integer.parseInt(f[1]));
          assertThat(fr.fold()).isEqualTo(Integer.parseInt(f[2]));
          assertThat(fr.metrics().accuracy()).isCloseTo(Double.parseDouble(f[3]), within(1e-12));
          assertThat(fr.metrics().balancedAccuracy()).isCloseTo(Double.parseDouble(f[4]), within(1e-12));
          assertThat(fr.metrics().macroF1()).isCloseTo(Double.parseDouble(f[5]), within(1e-12));
        }
        case "summary" -> {
          assertThat(res.accuracyMean()).isCloseTo(Double.parseDouble(f[1]), within(1e-12));
          assertThat(res.accuracySd()).isCloseTo(Double.parseDouble(f[2]), within(1e-12));
          assertThat(res.balancedAccuracyMean()).isCloseTo(Double.parseDouble(f[3]), within(1e-12));
          assertThat(res.macroF1Mean()).isCloseTo(Double.parseDouble(f[4]), within(1e-12));
        }
        case "confusion" -> {
          long[] expected = java.util.Arrays.stream(f[2].split(" ")).mapToLong(Long::parseLong).toArray();
          assertThat(res.pooledConfusion()[Integer.parseInt(f[1])]).containsExactly(expected);
        }
        default -> throw new IllegalStateException(line);
      }
    }
    assertThat(foldLine).isEqualTo(10);
  }

  @net.jqwik.api.Property(tries = 100)
  void everyFoldHoldsFloorOrCeilOfEachClassShare(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.Size(min = 10, max = 200)
      List<@net.jqwik.api.constraints.IntRange(min = 0, max = 3) Integer> labels,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 2, max = 10) int k,
      @net.jqwik.api.ForAll long seed) {
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    int[] fold = StratifiedFolds.assign(y, 4, k, new SplittableRandom(seed));
    int[] total = new int[4];
    int[][] per = new int[k][4];
    int[] size = new int[k];
    for (int i = 0; i < y.length; i++) {
      total[y[i]]++;
      per[fold[i]][y[i]]++;
      size[fold[i]]++;
    }
    for (int f = 0; f < k; f++) {
      for (int c = 0; c < 4; c++) {
        assertThat(per[f][c]).isBetween(total[c] / k, (total[c] + k - 1) / k);
      }
      assertThat(size[f]).isBetween(y.length / k, (y.length + k - 1) / k);
    }
  }
}
