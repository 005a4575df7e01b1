// tools/render.js - renders rule scripts highlighted by the extension's own TextMate grammar
// (vscode-textmate, as VS Code tokenizes) into an HTML page in VS Code's Light+ colours, for
// the README's screenshot: node tools/render.js A.eval B.eval > page.html
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

// Light+ colours by scope prefix, most specific first
const theme = [
  ['comment', '#008000'], ['string', '#a31515'], ['constant.character.escape', '#ee0000'],
  ['punctuation.section.interpolation', '#0000ff'], ['constant.other.format', '#0000ff'],
  ['constant.numeric', '#098658'], ['constant.language', '#0000ff'],
  ['keyword.control', '#af00db'], ['keyword.operator', '#000000'],
  ['storage.type', '#0000ff'], ['keyword.other', '#0000ff'],
  ['entity.name.section', '#795e26'], ['support.function', '#795e26'],
  ['variable.language', '#0070c1'], ['variable.other.data', '#001080'],
  ['variable.other.member', '#001080'],
];
const colour = (scopes) => {
  for (let i = scopes.length - 1; i >= 0; i--)
    for (const [prefix, c] of theme)
      if (scopes[i].startsWith(prefix) && !(prefix === 'string' && scopes[i].includes('interpolation')))
        return c;
  return '#000000';
};
const html = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function main() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p),
                               createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => vsctm.parseRawGrammar(
      fs.readFileSync(path.join(__dirname, '../syntaxes/jixiao.tmLanguage.json'), 'utf8'), 'x.json'),
  });
  const grammar = await registry.loadGrammar('source.jixiao');
  const panes = [];
  for (const file of process.argv.slice(2)) {
    let stack = vsctm.INITIAL;
    const rows = [];
    fs.readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').forEach((line, n) => {
      const r = grammar.tokenizeLine(line, stack);
      stack = r.ruleStack;
      const spans = r.tokens.map((t) => `<span style="color:${colour(t.scopes)}">` +
        html(line.slice(t.startIndex, t.endIndex)) + '</span>').join('');
      rows.push(`<div class="l"><span class="n">${n + 1}</span>${spans}</div>`);
    });
    panes.push(`<div class="pane"><div class="tab">${html(path.basename(file))}</div>${rows.join('')}</div>`);
  }
  process.stdout.write(`<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #f3f3f3; font: 14px/20px "Noto Sans Mono CJK SC", "Noto Sans CJK SC", monospace; }
.wrap { display: flex; gap: 12px; padding: 12px; }
.pane { background: #fff; border: 1px solid #ddd; padding: 0 12px 8px 0; white-space: pre; }
.tab { background: #ececec; padding: 4px 12px; margin-bottom: 6px; font-family: sans-serif; font-size: 12px; }
.n { display: inline-block; width: 3em; text-align: right; margin-right: 1.2em; color: #999; }
</style><div class="wrap">${panes.join('\n')}</div>\n`);
}
main().catch((e) => { console.error(e); process.exit(1); });
