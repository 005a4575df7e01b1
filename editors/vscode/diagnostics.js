// diagnostics.js - turns `jixiao check --format json` output into editor diagnostics.
// Pure (no vscode module), so that node --test can check it; extension.js maps the result
// onto vscode.Diagnostic.
'use strict';
const path = require('path');

// Lines of JSON objects {file, line, column, end: {line, column}, severity, message, hint}
// (line and column from 1, columns in characters, end exclusive; no position: nulls) into
// [{file, range: {start: {line, character}, end: {…}}, severity, message}] with 0-based
// positions. `file` is resolved against `dir` (jixiao runs there); a diagnostic without a
// position goes at the start of `fallback` (the checked script). Columns count characters
// and VS Code counts UTF-16 units: the same for every character of the BMP (all of CJK).
function parse(stdout, dir, fallback) {
  const out = [];
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    let d;
    try {
      d = JSON.parse(line);
    } catch (e) {
      continue;     // not ours (a crash message): ignored
    }
    const at = d.line ? { line: d.line - 1, character: d.column - 1 } : { line: 0, character: 0 };
    const end = d.end ? { line: d.end.line - 1, character: d.end.column - 1 } : at;
    const same = end.line === at.line && end.character <= at.character;
    out.push({
      file: d.file ? path.resolve(dir, d.file) : fallback,
      range: { start: at, end: same ? { line: at.line, character: at.character + 1 } : end },
      severity: d.severity === 'warning' ? 'warning' : 'error',
      message: d.hint ? `${d.message}（${d.hint}）` : d.message,
    });
  }
  return out;
}

module.exports = { parse };
