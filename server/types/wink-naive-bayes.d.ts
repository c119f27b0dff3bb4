/** Types for wink-naive-bayes-text-classifier (multinomial naive Bayes with Laplace smoothing; input: our own tokens). */
declare module 'wink-naive-bayes-text-classifier' {
  export interface WinkNaiveBayes {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    learn(tokens: string[], label: string): boolean;
    consolidate(): boolean;
    /** [label, log2 odds] best first; [['unknown', 0]] when no token was seen in training. */
    computeOdds(tokens: string[]): [string, number][];
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  const create: () => WinkNaiveBayes;
  export default create;
}
