#!/usr/bin/python3
# Reference values for org.backstrat.imaging.model, computed OUTSIDE the Java code with numpy.
# The tiny test model is encoded here directly as ONNX protobuf (field numbers from onnx.proto),
# so regenerating needs no onnx package; ONNX Runtime validates it when the Java test loads it.
#
# Command (from the repository root):
#   /usr/bin/python3 imaging/src/test/resources/reference/make_model_reference.py
# Output: model_reference.json, fixtures/tiny_classifier.onnx and its card
# fixtures/tiny_classifier.card.json.
#
# The tiny model: input "image" float [N, 1, 8, 8] -> GlobalAveragePool -> Flatten ->
# Gemm(W 1x5, b 5) -> Softmax -> output "probabilities" [N, 5]. Expected outputs are computed
# here with numpy from the same weights, not by ONNX Runtime.
import hashlib, json, os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, 'fixtures')


def normalisation():
    rng = np.random.default_rng(11)
    x = np.round(rng.normal(500, 150, size=57), 3).astype(np.float32)
    x[3] = 5000  # an outlier the percentile method must clip
    lo, hi = np.percentile(x.astype(np.float64), [1, 99])  # numpy default: linear (type 7)
    pct = np.clip((x - lo) / (hi - lo), 0, 1)
    z = (x - x.mean(dtype=np.float64)) / x.std(dtype=np.float64)
    return dict(input=x.tolist(), percentile_1_99=pct.tolist(), zscore=z.tolist())


def varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field_varint(num, value):
    return varint(num << 3) + varint(value)


def field_bytes(num, payload):
    if isinstance(payload, str):
        payload = payload.encode('utf-8')
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def tensor(name, array):
    """TensorProto: dims=1, data_type=2 (FLOAT=1), name=8, raw_data=9 (little endian)."""
    out = b''.join(field_varint(1, d) for d in array.shape)
    return out + field_varint(2, 1) + field_bytes(8, name) + field_bytes(9, array.astype('<f4').tobytes())


def value_info(name, dims):
    """ValueInfoProto{name=1, type=2{tensor_type=1{elem_type=1, shape=2{dim=1{value=1|param=2}}}}}."""
    shape = b''
    for d in dims:
        dim = field_bytes(2, d) if isinstance(d, str) else field_varint(1, d)
        shape += field_bytes(1, dim)
    tensor_type = field_varint(1, 1) + field_bytes(2, shape)
    return field_bytes(1, name) + field_bytes(2, field_bytes(1, tensor_type))


def node(op, inputs, outputs, **int_attributes):
    """NodeProto: input=1, output=2, name=3, op_type=4, attribute=5{name=1, i=3, type=20 (INT=2)}."""
    out = b''.join(field_bytes(1, i) for i in inputs) + b''.join(field_bytes(2, o) for o in outputs)
    out += field_bytes(3, op.lower()) + field_bytes(4, op)
    for k, v in int_attributes.items():
        out += field_bytes(5, field_bytes(1, k) + field_varint(3, v) + field_varint(20, 2))
    return out


def tiny_model():
    rng = np.random.default_rng(5)
    w = rng.normal(0, 1, size=(1, 5)).astype(np.float32)
    b = rng.normal(0, 0.5, size=(5,)).astype(np.float32)
    graph = (field_bytes(1, node('GlobalAveragePool', ['image'], ['pooled']))
             + field_bytes(1, node('Flatten', ['pooled'], ['flat'], axis=1))
             + field_bytes(1, node('Gemm', ['flat', 'W', 'B'], ['logits']))
             + field_bytes(1, node('Softmax', ['logits'], ['probabilities'], axis=1))
             + field_bytes(2, 'tiny_classifier')
             + field_bytes(5, tensor('W', w)) + field_bytes(5, tensor('B', b))
             + field_bytes(11, value_info('image', ['N', 1, 8, 8]))
             + field_bytes(12, value_info('probabilities', ['N', 5])))
    # ModelProto: ir_version=1 (8), producer_name=2, graph=7, opset_import=8{domain=1, version=2}
    data = (field_varint(1, 8) + field_bytes(2, 'backstrat-test') + field_bytes(7, graph)
            + field_bytes(8, field_bytes(1, '') + field_varint(2, 13)))
    path = os.path.join(FIX, 'tiny_classifier.onnx')
    with open(path, 'wb') as f:
        f.write(data)
    inputs = rng.normal(0, 1, size=(3, 1, 8, 8)).astype(np.float32)
    pooled = inputs.reshape(3, 64).mean(axis=1, dtype=np.float64)[:, None]
    logits = pooled @ w.astype(np.float64) + b
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    card = {
        'schema': 'backstrat.modelcard/1', 'name': 'tiny-test-classifier', 'version': '0',
        'task': 'pfirrmann_grade', 'model_file': 'tiny_classifier.onnx',
        'sha256': hashlib.sha256(data).hexdigest(),
        'input': {'name': 'image', 'shape': [-1, 1, 8, 8], 'plane': 'sagittal',
                  'spacing_mm': [0.5, 0.5],
                  'normalisation': {'method': 'percentile', 'low': 1, 'high': 99}},
        'output': {'name': 'probabilities', 'kind': 'class_probabilities',
                   'labels': ['1', '2', '3', '4', '5']},
        'intended_use': 'test fixture only: random weights',
    }
    with open(os.path.join(FIX, 'tiny_classifier.card.json'), 'w') as f:
        json.dump(card, f, indent=1)
        f.write('\n')
    return dict(input=inputs.ravel().tolist(), batch=3, output=probs.ravel().tolist())


def main():
    os.makedirs(FIX, exist_ok=True)
    result = dict(normalisation=normalisation(), tiny_model=tiny_model())
    with open(os.path.join(HERE, 'model_reference.json'), 'w') as f:
        json.dump(result, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
