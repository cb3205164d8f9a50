package org.backstrat.imaging.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.backstrat.core.BadInputException;

/**
 * An ONNX model loaded through ONNX Runtime on the CPU, as its {@link ModelCard} describes it:
 * the checksum is verified and the input and output names and shapes are checked against the
 * card when the model loads, so a wrong model fails at once with a message rather than giving
 * wrong numbers later. Runs one float32 batch at a time; thread-safe for concurrent runs (ONNX
 * Runtime sessions are). Close it to release native memory.
 */
public final class OnnxModel implements AutoCloseable {
  private final ModelCard card;
  private final OrtSession session;
  private final long[] inputShape;

  private OnnxModel(ModelCard card, OrtSession session, long[] inputShape) {
    this.card = card;
    this.session = session;
    this.inputShape = inputShape;
  }

  /**
   * Loads the model a card describes, with {@code intraOpThreads} threads per run (1 or more).
   *
   * @throws BadInputException when the file is missing, its checksum differs, ONNX Runtime
   *     cannot load it, or its input/output do not match the card
   */
  public static OnnxModel load(ModelCard card, int intraOpThreads) {
    card.verifyChecksum();
    String file = card.modelFile().toString();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session = null;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = env.createSession(file, options);
      NodeInfo in = session.getInputInfo().get(card.inputName());
      if (in == null) {
        throw BadInputException.at(file, 0, "input.name", card.inputName(), "an input the"
            + " model has: " + session.getInputNames());
      }
      if (!session.getOutputNames().contains(card.outputName())) {
        throw BadInputException.at(file, 0, "output.name", card.outputName(), "an output the"
            + " model has: " + session.getOutputNames());
      }
      long[] modelShape = ((TensorInfo) in.getInfo()).getShape();
      long[] cardShape = card.inputShape().stream().mapToLong(Long::longValue).toArray();
      if (modelShape.length != cardShape.length) {
        throw BadInputException.at(file, 0, "input.shape", Arrays.toString(cardShape),
            "the model's input shape " + Arrays.toString(modelShape));
      }
      for (int d = 0; d < cardShape.length; d++) {
        if (modelShape[d] > 0 && cardShape[d] > 0 && modelShape[d] != cardShape[d]) {
          throw BadInputException.at(file, 0, "input.shape", Arrays.toString(cardShape),
              "the model's input shape " + Arrays.toString(modelShape));
        }
      }
      OnnxModel model = new OnnxModel(card, session, cardShape);
      session = null;
      return model;
    } catch (OrtException e) {
      throw BadInputException.at(file, 0, "", "", "an ONNX model ONNX Runtime can load ("
          + e.getMessage() + ")");
    } finally {
      if (session != null) {
        try {
          session.close();
        } catch (OrtException ignored) {
          // already failing; the original problem is reported
        }
      }
    }
  }

  /** The card this model was loaded from. */
  public ModelCard card() {
    return card;
  }

  /** Floats per batch item: the product of the input shape after the batch dimension. */
  public int itemSize() {
    long n = 1;
    for (int d = 1; d < inputShape.length; d++) {
      n *= inputShape[d];
    }
    return (int) n;
  }

  /**
   * Runs {@code batch} items laid out one after another in {@code input} (each
   * {@link #itemSize()} floats, already normalised) and returns the card's output tensor,
   * flattened in the same item order.
   *
   * @throws IllegalArgumentException when {@code input} does not hold {@code batch} items
   */
  public float[] run(float[] input, int batch) {
    int item = itemSize();
    if (batch < 1 || (long) batch * item != input.length) {
      throw new IllegalArgumentException("input holds " + input.length + " floats, expected "
          + batch + " x " + item);
    }
    long[] shape = inputShape.clone();
    shape[0] = batch;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
         OrtSession.Result result = session.run(Map.of(card.inputName(), tensor))) {
      Optional<ai.onnxruntime.OnnxValue> out = result.get(card.outputName());
      OnnxTensor t = (OnnxTensor) out.orElseThrow(() -> new IllegalStateException(
          "model returned no " + card.outputName()));
      FloatBuffer fb = t.getFloatBuffer();
      float[] values = new float[fb.remaining()];
      fb.get(values);
      return values;
    } catch (OrtException e) {
      throw new IllegalStateException(card.modelFile() + ": inference failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close ONNX session", e);
    }
  }
}
