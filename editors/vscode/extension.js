// extension.js - the jixiao extension: on opening or saving a .eval script, runs
// `jixiao check --format json` and shows its errors and warnings (diagnostics.js reads them).
'use strict';
const vscode = require('vscode');
const { execFile } = require('child_process');
const path = require('path');
const { parse } = require('./diagnostics');

function activate(context) {
  const collection = vscode.languages.createDiagnosticCollection('jixiao');
  context.subscriptions.push(collection);

  function check(doc) {
    if (doc.languageId !== 'jixiao' || doc.uri.scheme !== 'file') return;
    const cfg = vscode.workspace.getConfiguration('jixiao');
    const args = ['check', '--format', 'json', doc.fileName];
    if (cfg.get('lang')) args.push('--lang', cfg.get('lang'));
    const dir = path.dirname(doc.fileName);
    execFile(cfg.get('path'), args, { cwd: dir, timeout: 30000 }, (err, stdout) => {
      if (err && err.code === 'ENOENT') {
        vscode.window.showWarningMessage(`jixiao: cannot run ${cfg.get('path')} (setting jixiao.path)`);
        return;
      }
      const byFile = new Map([[doc.fileName, []]]);     // clear this file even when it is clean
      for (const d of parse(stdout, dir, doc.fileName)) {
        const r = d.range;
        const diag = new vscode.Diagnostic(
          new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
          d.message,
          d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
        diag.source = 'jixiao';
        if (!byFile.has(d.file)) byFile.set(d.file, []);
        byFile.get(d.file).push(diag);
      }
      for (const [file, list] of byFile) collection.set(vscode.Uri.file(file), list);
    });
  }

  context.subscriptions.push(
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (vscode.workspace.getConfiguration('jixiao').get('checkOnSave')) check(doc);
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (vscode.workspace.getConfiguration('jixiao').get('checkOnSave')) check(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
    vscode.commands.registerCommand('jixiao.check', () => {
      if (vscode.window.activeTextEditor) check(vscode.window.activeTextEditor.document);
    }),
  );
  vscode.workspace.textDocuments.forEach((doc) => check(doc));
}

function deactivate() {}

module.exports = { activate, deactivate };
