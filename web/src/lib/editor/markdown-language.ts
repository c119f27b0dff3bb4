/**
 * Markdown for the prompt editor: the Lezer Markdown parser (with its highlighting) as a
 * CodeMirror language, plus YAML front matter (`---` … `---` at the top) shown as one block.
 * @codemirror/lang-markdown would also bundle the HTML, CSS and JavaScript parsers for embedded
 * code, which a prompt template does not need.
 */
import { defineLanguageFacet, Language, LanguageSupport } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { GFM, parser, type MarkdownConfig } from '@lezer/markdown';

const frontMatter: MarkdownConfig = {
  defineNodes: [{ name: 'FrontMatter', block: true, style: tags.meta }],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || line.text.trimEnd() !== '---') return false;
        const from = cx.lineStart;
        let to = cx.lineStart + line.text.length;
        while (cx.nextLine()) {
          to = cx.lineStart + line.text.length;
          if (line.text.trimEnd() === '---') {
            cx.nextLine();
            break;
          }
        }
        cx.addElement(cx.elt('FrontMatter', from, to));
        return true;
      },
    },
  ],
};

const language = new Language(
  defineLanguageFacet({ commentTokens: { block: { open: '<!--', close: '-->' } } }),
  parser.configure([GFM, frontMatter]),
  [],
  'markdown',
);

export function markdown(): LanguageSupport {
  return new LanguageSupport(language);
}
