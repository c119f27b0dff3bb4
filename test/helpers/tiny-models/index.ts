/** Tiny models written at test time into a temporary MODELS_DIR (a few KB each, built in ~1 ms). */
export { buildTinyCausalLm, TINY_CAUSAL_LM_ID, SIMPLE_CHAT_TEMPLATE, type TinyCausalLmOptions, type TinyModelInfo } from './causal-lm.ts';
export { buildTinyBert, TINY_BERT_ID, type TinyBertOptions, type TinyBertInfo } from './bert.ts';
