// node --test: diagnostics.js on output of `jixiao check --format json`
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { parse } = require('../diagnostics');

test('positions become 0-based ranges; hints join the message; warnings stay warnings', () => {
  const out = [
    '{"file":"e.eval","line":3,"column":9,"end":{"line":3,"column":12},"severity":"error","message":"未知的名称「支岀率」","hint":"是否想写「支出率」？"}',
    '{"file":"e.eval","line":1,"column":5,"end":{"line":1,"column":7},"severity":"warning","message":"变量「没用」定义后从未使用","hint":null}',
    '',
  ].join('\n');
  const d = parse(out, '/r', '/r/e.eval');
  assert.strictEqual(d.length, 2);
  assert.deepStrictEqual(d[0].range, { start: { line: 2, character: 8 }, end: { line: 2, character: 11 } });
  assert.strictEqual(d[0].file, '/r/e.eval');
  assert.strictEqual(d[0].message, '未知的名称「支岀率」（是否想写「支出率」？）');
  assert.strictEqual(d[1].severity, 'warning');
});

test('no position: the start of the checked script; an empty span still marks one character', () => {
  const out = '{"file":"base.eval","line":null,"column":null,"end":null,"severity":"error","message":"cannot read x","hint":null}\n' +
    '{"file":"sub/b.eval","line":2,"column":1,"end":{"line":2,"column":1},"severity":"error","message":"m","hint":null}\n' +
    'not json\n';
  const d = parse(out, '/r', '/r/a.eval');
  assert.strictEqual(d.length, 2);
  assert.strictEqual(d[0].file, '/r/base.eval');
  assert.deepStrictEqual(d[0].range.start, { line: 0, character: 0 });
  assert.strictEqual(d[1].file, '/r/sub/b.eval');
  assert.deepStrictEqual(d[1].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
});
