# Issue 6.16: what jixiao prints for a person never lets the input drive the terminal.
# Control characters (ESC, BEL, CR, C1), bidi overrides and invalid UTF-8 show as \x1b, \u202e.

hcase '6.16 a file name holding ESC is shown escaped' \
  '' "check \$'bad\\x1b[2J.eval'" \
  2 'jixiao: error: cannot read bad\x1b[2J.eval: No such file or directory'

hcase '6.16 a quoted source line holding ESC, RLO and a bad byte' \
  "printf 'indicator 甲 1 {\n  note \"\\033]0;x\\007\\342\\200\\256\\377\" + 未知\n}\n' >r.eval" \
  'check r.eval' 2 'r.eval:2:16: error: invalid UTF-8 (byte 0xFF)' \
  "sed -n 2p err | grep -qxF '  note \"\\x1b]0;x\\x07\\u202e\\xff\" + 未知'
   sed -n 3p err | grep -qx ' \{26\}^' && ! grep -q \$'\\x1b' err"

hcase '6.16 explain shows data strings escaped' \
  "$R1; printf 'id \$名\nindicator 乙 5 {\n  deduct 1 if true : \"{\$因}\"\n}\n' >>r.eval
   printf '{\"名\":\"甲\\\\u001b]0;t\\\\u0007\",\"x\":1,\"因\":\"\\\\u202e反\\\\r\\\\u009b2J\"}\n' >d.ndjson" \
  'explain r.eval d.ndjson' 0 '' \
  "head -1 out | grep -qxF '甲\\x1b]0;t\\x07' && grep -qF '扣 1 分：\\u202e反\\r\\u009b2J' out
   ! grep -q \$'[\\x1b\\x07\\r]' out"
