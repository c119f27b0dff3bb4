/**
 * A tiny GPT-2-shaped causal language model, written at test time into a MODELS_DIR, that the
 * real Transformers.js 2.17 text-generation pipeline loads (AutoModelForCausalLM ->
 * GPT2LMHeadModel, `onnx/decoder_model_merged.onnx`) and runs greedily.
 *
 * Tokenizer: GPT-2's byte-level BPE (every byte is a token, plus a few merges), with
 * `<|endoftext|>` (id 256) as BOS/EOS/pad.
 *
 * Graph (a bigram model, so that generation is deterministic and easy to predict):
 *   logits[b, s, :]         = OneHot(NEXT[input_ids[b, s]], V) * 10       (a V-entry next-token table)
 *   present.0.key / .value  = Concat(past_key_values.0.*, Unsqueeze(K[input_ids], 1), axis 2)
 *   attention_mask is read (multiplied by zero into the logits) so that it stays a real input.
 * W sends the last character of a token to its successor: a lowercase letter to the next letter,
 * `z` to `.`, `.` to `<|endoftext|>`, anything else to `a`. So "Hello" continues with
 * "pqrstuvwxyz." and then stops: 12 new tokens plus EOS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeModel, floatTensor, FLOAT, INT64, int64Tensor, node, valueInfo } from './onnx.ts';

export const TINY_CAUSAL_LM_ID = 'tiny/gpt2-bigram';
const EOS = '<|endoftext|>';
const HEAD_DIM = 4;

/** GPT-2's reversible byte -> printable unicode character table. */
export function bytesToUnicode(): string[] {
  const bs: number[] = [];
  for (let b = 33; b <= 126; b++) bs.push(b);
  for (let b = 161; b <= 172; b++) bs.push(b);
  for (let b = 174; b <= 255; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) { bs.push(b); cs.push(256 + n); n++; }
  }
  const table: string[] = new Array(256);
  bs.forEach((b, i) => { table[b] = String.fromCharCode(cs[i]); });
  return table;
}

/** Merges on top of the 256 bytes (a real BPE vocabulary has tens of thousands). */
const MERGES: [string, string][] = [['Ġ', 't'], ['h', 'e'], ['Ġt', 'he'], ['i', 'n'], ['e', 'r']];

export const SIMPLE_CHAT_TEMPLATE =
  "{% for message in messages %}{{ message['role'] }}: {{ message['content'] }}\n{% endfor %}{% if add_generation_prompt %}assistant:{% endif %}";

export interface TinyCausalLmOptions {
  /** Folder name inside modelsDir (default tiny/gpt2-bigram). */
  id?: string;
  /** Write the `_quantized` file name (what Transformers.js loads by default) instead of the full one. */
  quantizedFileName?: boolean;
  /** A Jinja chat template for tokenizer_config.json: true = a simple "role: content" one; default none (as GPT-2). */
  chatTemplate?: string | boolean;
}

export interface TinyModelInfo { id: string; dir: string; vocabSize: number; eosTokenId: number; bytes: number }

export function buildTinyCausalLm(modelsDir: string, options: TinyCausalLmOptions = {}): TinyModelInfo {
  const id = options.id ?? TINY_CAUSAL_LM_ID;
  const dir = path.join(modelsDir, id);
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });

  // Vocabulary: 256 bytes, then <|endoftext|>, then the merged tokens.
  const byteChars = bytesToUnicode();
  const vocab: Record<string, number> = {};
  byteChars.forEach((c, b) => { vocab[c] = b; });
  const eosId = 256;
  vocab[EOS] = eosId;
  for (const [a, b] of MERGES) vocab[a + b] = Object.keys(vocab).length;
  const V = Object.keys(vocab).length;
  const tokenOf = (s: string) => vocab[s];
  const byteToken = (ch: string) => tokenOf(byteChars[ch.charCodeAt(0)]);

  // Bigram table on the token's last character.
  const NEXT = new Array<number>(V).fill(0);
  for (const [tok, idx] of Object.entries(vocab)) {
    let next: number;
    const last = tok === EOS ? '' : tok.at(-1)!;
    if (last >= 'a' && last < 'z') next = byteToken(String.fromCharCode(last.charCodeAt(0) + 1));
    else if (last === 'z') next = byteToken('.');
    else if (last === '.') next = eosId;
    else next = byteToken('a');
    NEXT[idx] = next;
  }
  // Keys/values: any deterministic vectors.
  const K = Float32Array.from({ length: V * HEAD_DIM }, (_, i) => ((i * 7919) % 13) / 13);

  const pastDims = ['batch_size', 1, 'past_sequence_length', HEAD_DIM];
  const presentDims = ['batch_size', 1, 'total_sequence_length', HEAD_DIM];
  const bytes = encodeModel({
    name: 'tiny_gpt2_bigram',
    inputs: [
      valueInfo('input_ids', INT64, ['batch_size', 'sequence_length']),
      valueInfo('attention_mask', INT64, ['batch_size', 'total_sequence_length']),
      valueInfo('past_key_values.0.key', FLOAT, pastDims),
      valueInfo('past_key_values.0.value', FLOAT, pastDims),
    ],
    outputs: [
      valueInfo('logits', FLOAT, ['batch_size', 'sequence_length', V]),
      valueInfo('present.0.key', FLOAT, presentDims),
      valueInfo('present.0.value', FLOAT, presentDims),
    ],
    initializers: [
      int64Tensor('NEXT', [V], NEXT),
      int64Tensor('depth', [], [V]),
      floatTensor('onehot_values', [2], [0, 10]),
      floatTensor('K', [V, HEAD_DIM], K),
      floatTensor('zero', [], [0]),
      int64Tensor('axis1', [1], [1]),
    ],
    nodes: [
      node('Gather', ['NEXT', 'input_ids'], ['next_ids'], { axis: 0 }),
      node('OneHot', ['next_ids', 'depth', 'onehot_values'], ['raw_logits'], { axis: -1 }),
      // attention_mask contributes 0 * sum(mask): keeps it a used input without changing the logits.
      node('Cast', ['attention_mask'], ['mask_f'], { to: FLOAT }),
      node('ReduceSum', ['mask_f'], ['mask_sum'], { keepdims: 0 }),
      node('Mul', ['mask_sum', 'zero'], ['mask_zero']),
      node('Add', ['raw_logits', 'mask_zero'], ['logits']),
      node('Gather', ['K', 'input_ids'], ['kv3'], { axis: 0 }),
      node('Unsqueeze', ['kv3', 'axis1'], ['kv4']),
      node('Concat', ['past_key_values.0.key', 'kv4'], ['present.0.key'], { axis: 2 }),
      node('Concat', ['past_key_values.0.value', 'kv4'], ['present.0.value'], { axis: 2 }),
    ],
  });
  const file = options.quantizedFileName ? 'decoder_model_merged_quantized.onnx' : 'decoder_model_merged.onnx';
  writeFileSync(path.join(dir, 'onnx', file), bytes);

  const json = (name: string, value: unknown) => writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));
  json('config.json', {
    model_type: 'gpt2',
    architectures: ['GPT2LMHeadModel'],
    vocab_size: V,
    n_embd: HEAD_DIM,
    n_head: 1,
    n_layer: 1,
    n_positions: 1024,
    bos_token_id: eosId,
    eos_token_id: eosId,
    use_cache: true,
  });
  json('generation_config.json', { bos_token_id: eosId, eos_token_id: eosId });
  const chatTemplate = options.chatTemplate === true ? SIMPLE_CHAT_TEMPLATE : options.chatTemplate || null;
  json('tokenizer_config.json', {
    tokenizer_class: 'GPT2Tokenizer',
    bos_token: EOS,
    eos_token: EOS,
    unk_token: EOS,
    add_prefix_space: false,
    model_max_length: 1024,
    ...(chatTemplate ? { chat_template: chatTemplate } : {}),
  });
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
  json('tokenizer.json', {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: eosId, content: EOS, single_word: false, lstrip: false, rstrip: false, normalized: true, special: true }],
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: { ...byteLevel, trim_offsets: false },
    decoder: byteLevel,
    model: {
      type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '',
      fuse_unk: false, byte_fallback: false, vocab, merges: MERGES.map(([a, b]) => `${a} ${b}`),
    },
  });
  return { id, dir, vocabSize: V, eosTokenId: eosId, bytes: bytes.length };
}
