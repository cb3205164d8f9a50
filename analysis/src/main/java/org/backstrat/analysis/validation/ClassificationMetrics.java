package org.backstrat.analysis.validation;

/**
 * Classification metrics of one set of predictions, following scikit-learn's definitions
 * ({@code accuracy_score}, {@code balanced_accuracy_score}, {@code f1_score(average="macro")},
 * {@code recall_score(average=None)}).
 *
 * <ul>
 *   <li>balanced accuracy = mean recall over the classes that occur in the truth;</li>
 *   <li>macro-F1 = mean of F1 = 2TP / (2TP + FP + FN) over the classes that occur in the truth
 *       or in the predictions (a class predicted but never true has F1 0);</li>
 *   <li>recall of a class absent from the truth is NaN (undefined), and so are precision of a
 *       class never predicted and F1 of a class in neither.</li>
 * </ul>
 *
 * @param confusion counts, [true class][predicted class]
 * @param accuracy share of correct predictions
 * @param balancedAccuracy mean per-class recall over the classes present in the truth
 * @param macroF1 mean F1 over the classes present in truth or predictions
 * @param recall per-class recall (sensitivity)
 * @param precision per-class precision
 * @param f1 per-class F1
 */
public record ClassificationMetrics(long[][] confusion, double accuracy, double balancedAccuracy,
                                    double macroF1, double[] recall, double[] precision,
                                    double[] f1) {

  public ClassificationMetrics {
    confusion = copy(confusion);
    recall = recall.clone();
    precision = precision.clone();
    f1 = f1.clone();
  }

  /** Metrics of predictions against the truth. */
  public static ClassificationMetrics of(int[] truth, int[] predicted, int classCount) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length + " predictions");
    }
    if (truth.length == 0) {
      throw new IllegalArgumentException("no predictions");
    }
    long[][] confusion = new long[classCount][classCount];
    for (int i = 0; i < truth.length; i++) {
      confusion[truth[i]][predicted[i]]++;
    }
    return fromConfusion(confusion);
  }

  /** Metrics from a confusion matrix [true][predicted] (for example one pooled over folds). */
  public static ClassificationMetrics fromConfusion(long[][] confusion) {
    int k = confusion.length;
    long total = 0;
    long correct = 0;
    long[] trueCount = new long[k];
    long[] predictedCount = new long[k];
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        long c = confusion[t][p];
        total += c;
        trueCount[t] += c;
        predictedCount[p] += c;
        if (t == p) {
          correct += c;
        }
      }
    }
    double[] recall = new double[k];
    double[] precision = new double[k];
    double[] f1 = new double[k];
    double recallSum = 0;
    int recallClasses = 0;
    double f1Sum = 0;
    int f1Classes = 0;
    for (int c = 0; c < k; c++) {
      long tp = confusion[c][c];
      recall[c] = trueCount[c] > 0 ? (double) tp / trueCount[c] : Double.NaN;
      precision[c] = predictedCount[c] > 0 ? (double) tp / predictedCount[c] : Double.NaN;
      long denominator = trueCount[c] + predictedCount[c]; // = 2TP + FP + FN
      f1[c] = denominator > 0 ? 2.0 * tp / denominator : Double.NaN;
      if (trueCount[c] > 0) {
        recallSum += recall[c];
        recallClasses++;
      }
      if (denominator > 0) {
        f1Sum += f1[c];
        f1Classes++;
      }
    }
    return new ClassificationMetrics(confusion, (double) correct / total,
        recallSum / recallClasses, f1Sum / f1Classes, recall, precision, f1);
  }

  @Override
  public long[][] confusion() {
    return copy(confusion);
  }

  @Override
  public double[] recall() {
    return recall.clone();
  }

  @Override
  public double[] precision() {
    return precision.clone();
  }

  @Override
  public double[] f1() {
    return f1.clone();
  }

  static long[][] copy(long[][] a) {
    long[][] c = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
