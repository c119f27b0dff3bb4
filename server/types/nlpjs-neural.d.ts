/** Types for @nlpjs/neural (nlp.js's intent classifier; a dev dependency, compared in bench/intent-classifiers.ts). */
declare module '@nlpjs/neural' {
  export interface NeuralCorpusItem { input: Record<string, number>; output: Record<string, number> }
  export interface NeuralSettings { iterations?: number; errorThresh?: number; deltaErrorThresh?: number; learningRate?: number; momentum?: number; alpha?: number; log?: boolean }
  export class NeuralNetwork {
    constructor(settings?: NeuralSettings);
    train(corpus: NeuralCorpusItem[]): { error: number; deltaError: number; iterations: number };
    /** Scores per intent (the SAME object on every call: copy it). */
    run(input: Record<string, number>): Record<string, number> | undefined;
  }
}
