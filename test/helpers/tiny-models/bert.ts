/**
 * A tiny BERT-shaped model, written at test time into a MODELS_DIR, that the real
 * Transformers.js 2.17 pipelines load: `zero-shot-classification` (BertForSequenceClassification,
 * MNLI-style labels contradiction / neutral / entailment) and `feature-extraction` (BertModel).
 * One ONNX graph (`onnx/model.onnx`) serves both: it has the outputs `last_hidden_state` and
 * `logits`. Tokenizer: a hand-written WordPiece tokenizer.json (BertNormalizer lowercase,
 * BertPreTokenizer, [CLS] A [SEP] B [SEP] template with token type ids).
 *
 * Graph (a bag-of-concepts "NLI" model):
 *   E                 = Emb[input_ids]                              [b, s, D]
 *   last_hidden_state = E
 *   a, b              = sum of E over segment A (premise) / segment B (hypothesis) tokens
 *   logits            = [-a.b, 0, a.b]                              contradiction, neutral, entailment
 * Words are embedded on a few concept axes (frustration, calm, interest, moving, time), so
 * "stop emailing me, this is annoying" entails "This example is frustrated.". Function words and
 * punctuation have small vectors on their own axis, [UNK] a unit vector on another (never zero:
 * an all-unknown text would otherwise give NaN after normalisation).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeModel, floatTensor, FLOAT, INT64, int64Tensor, node, valueInfo } from './onnx.ts';

export const TINY_BERT_ID = 'tiny/bert-nli';

const AXES = ['unknown', 'frustration', 'calm', 'interest', 'moving', 'time', 'function', 'cls'] as const;
type Axis = (typeof AXES)[number];
const D = AXES.length;

const CONCEPTS: Record<Exclude<Axis, 'unknown' | 'function' | 'cls'>, string[]> = {
  frustration: ['frustrated', 'annoyed', 'annoying', 'angry', 'stop', 'spam', 'enough', 'irritated', 'unsubscribe',
    'ridiculous', 'harassing', 'tired', 'complaint', 'rude', 'furious'],
  calm: ['neutral', 'calm', 'fine', 'ok', 'okay', 'thanks', 'thank', 'regards', 'information', 'polite', 'friendly'],
  interest: ['interested', 'interest', 'book', 'booking', 'available', 'availability', 'quote', 'price', 'yes', 'send',
    'keen', 'positive'],
  moving: ['move', 'moving', 'apartment', 'office', 'storage', 'cleaning', 'truck', 'boxes', 'email', 'call'],
  time: ['later', 'date', 'week', 'month', 'december', 'tomorrow', 'soon', 'wait', 'postponed'],
};
const FUNCTION_WORDS = ['this', 'example', 'is', 'the', 'a', 'an', 'i', 'we', 'me', 'you', 'to', 'of', 'and', 'it',
  'am', 'are', 'be', 'for', 'my', 'our', 'your', 'with', 'not', 'no', 'please', 'customer', 'message', 'sounds',
  'about', 'us', 'can', 'do', 'in', 'on', 'at', 'so', 'very', 'just', 'again',
  '.', ',', '!', '?', "'", '-', ':', '##s', '##ing', '##ed', '##er', '##ly'];
const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

export interface TinyBertOptions {
  /** Folder name inside modelsDir (default tiny/bert-nli). */
  id?: string;
  /** Write the `_quantized` file name (the default Transformers.js loads) instead of model.onnx. */
  quantizedFileName?: boolean;
  /** Scale of concept words (default 2: one shared concept word gives an entailment logit of 4). */
  conceptScale?: number;
}

export interface TinyBertInfo { id: string; dir: string; vocab: string[]; bytes: number }

export function buildTinyBert(modelsDir: string, options: TinyBertOptions = {}): TinyBertInfo {
  const id = options.id ?? TINY_BERT_ID;
  const dir = path.join(modelsDir, id);
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  const scale = options.conceptScale ?? 2;

  const vocab: string[] = [...SPECIALS];
  const vectors: number[][] = SPECIALS.map(() => new Array(D).fill(0));
  vectors[1][AXES.indexOf('unknown')] = 1; // [UNK]
  vectors[2][AXES.indexOf('cls')] = 0.1; // [CLS]: only in segment A, and no hypothesis token is on this axis
  const add = (word: string, axis: Axis, value: number) => {
    if (vocab.includes(word)) throw new Error(`duplicate tiny-bert word ${word}`);
    const v = new Array(D).fill(0);
    v[AXES.indexOf(axis)] = value;
    vocab.push(word);
    vectors.push(v);
  };
  for (const [axis, words] of Object.entries(CONCEPTS)) for (const w of words) add(w, axis as Axis, scale);
  for (const w of FUNCTION_WORDS) add(w, 'function', 0.1);
  const V = vocab.length;

  const bytes = encodeModel({
    name: 'tiny_bert_nli',
    inputs: [
      valueInfo('input_ids', INT64, ['batch_size', 'sequence_length']),
      valueInfo('attention_mask', INT64, ['batch_size', 'sequence_length']),
      valueInfo('token_type_ids', INT64, ['batch_size', 'sequence_length']),
    ],
    outputs: [
      valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', D]),
      valueInfo('logits', FLOAT, ['batch_size', 3]),
    ],
    initializers: [
      floatTensor('Emb', [V, D], vectors.flat()),
      int64Tensor('axis2', [1], [2]),
      int64Tensor('axis1', [1], [1]),
    ],
    nodes: [
      node('Gather', ['Emb', 'input_ids'], ['E'], { axis: 0 }),
      node('Identity', ['E'], ['last_hidden_state']),
      node('Cast', ['attention_mask'], ['am'], { to: FLOAT }),
      node('Cast', ['token_type_ids'], ['tt'], { to: FLOAT }),
      node('Mul', ['am', 'tt'], ['mask_b']),
      node('Sub', ['am', 'mask_b'], ['mask_a']),
      node('Unsqueeze', ['mask_a', 'axis2'], ['mask_a3']),
      node('Unsqueeze', ['mask_b', 'axis2'], ['mask_b3']),
      node('Mul', ['E', 'mask_a3'], ['Ea']),
      node('Mul', ['E', 'mask_b3'], ['Eb']),
      node('ReduceSum', ['Ea', 'axis1'], ['sum_a'], { keepdims: 0 }),
      node('ReduceSum', ['Eb', 'axis1'], ['sum_b'], { keepdims: 0 }),
      node('Mul', ['sum_a', 'sum_b'], ['ab']),
      node('ReduceSum', ['ab', 'axis1'], ['dot'], { keepdims: 1 }),
      node('Neg', ['dot'], ['neg_dot']),
      node('Sub', ['dot', 'dot'], ['zero_col']),
      node('Concat', ['neg_dot', 'zero_col', 'dot'], ['logits'], { axis: 1 }),
    ],
  });
  writeFileSync(path.join(dir, 'onnx', options.quantizedFileName ? 'model_quantized.onnx' : 'model.onnx'), bytes);

  const json = (name: string, value: unknown) => writeFileSync(path.join(dir, name), JSON.stringify(value, null, 2));
  const id2label = { 0: 'contradiction', 1: 'neutral', 2: 'entailment' };
  json('config.json', {
    model_type: 'bert',
    architectures: ['BertForSequenceClassification'],
    vocab_size: V,
    hidden_size: D,
    num_attention_heads: 1,
    num_hidden_layers: 1,
    intermediate_size: D,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    pad_token_id: 0,
    id2label,
    label2id: Object.fromEntries(Object.entries(id2label).map(([k, v]) => [v, Number(k)])),
  });
  const special = (content: string, i: number) => ({ id: i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  json('tokenizer_config.json', {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    unk_token: '[UNK]', sep_token: '[SEP]', pad_token: '[PAD]', cls_token: '[CLS]', mask_token: '[MASK]',
    model_max_length: 512,
    strip_accents: null,
    tokenize_chinese_chars: true,
  });
  const cls = vocab.indexOf('[CLS]');
  const sep = vocab.indexOf('[SEP]');
  json('tokenizer.json', {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((s) => special(s, vocab.indexOf(s))),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((w, i) => [w, i])),
    },
  });
  return { id, dir, vocab, bytes: bytes.length };
}
