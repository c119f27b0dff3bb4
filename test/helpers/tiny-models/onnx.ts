/**
 * A few helpers to write small ONNX graphs with `onnx-proto` (protobufjs), for tiny test models
 * that the real Transformers.js loading code (onnxruntime-node 1.14) runs. Opset 13, IR 7.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT64 = onnx.TensorProto.DataType.INT64;
export const BOOL = onnx.TensorProto.DataType.BOOL;

type Dim = number | string;

export function valueInfo(name: string, elemType: number, dims: Dim[]): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export function floatTensor(name: string, dims: number[], data: ArrayLike<number>): onnxProto.onnx.ITensorProto {
  const expected = dims.reduce((a, b) => a * b, 1);
  if (data.length !== expected) throw new Error(`tensor ${name}: ${data.length} values for shape [${dims.join(', ')}]`);
  const raw = new Float32Array(Array.from(data));
  return { name, dims, dataType: FLOAT, rawData: new Uint8Array(raw.buffer) };
}

export function int64Tensor(name: string, dims: number[], data: number[]): onnxProto.onnx.ITensorProto {
  const raw = new BigInt64Array(data.map((x) => BigInt(x)));
  return { name, dims, dataType: INT64, rawData: new Uint8Array(raw.buffer) };
}

type AttrValue = number | number[] | string;

function attribute(name: string, value: AttrValue): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if (Number.isInteger(value)) return { name, type: T.INT, i: value };
  return { name, type: T.FLOAT, f: value };
}

export function node(opType: string, inputs: string[], outputs: string[], attrs: Record<string, AttrValue> = {}): onnxProto.onnx.INodeProto {
  return {
    opType,
    input: inputs,
    output: outputs,
    name: `${opType}_${outputs.join('_')}`,
    attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
  };
}

export function encodeModel(graph: {
  name: string;
  nodes: onnxProto.onnx.INodeProto[];
  inputs: onnxProto.onnx.IValueInfoProto[];
  outputs: onnxProto.onnx.IValueInfoProto[];
  initializers: onnxProto.onnx.ITensorProto[];
}): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'rekindle-tiny-models',
    graph: {
      name: graph.name,
      node: graph.nodes,
      input: graph.inputs,
      output: graph.outputs,
      initializer: graph.initializers,
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
