# score.jq - rules/2022/huangpu.eval written by hand in jq 1.6: {"id": …, "score": …} a data set.
#
#   jq -c -f bench/score.jq FILE.ndjson
#
# Only the total is computed, with jixiao's number rules (docs/language.md §5) so totals agree to
# the cent: every decision (comparison, min, ceil, rounding) is taken on the value's decimal
# form with 15 significant digits; a leaf is base − deductions, 0 on a fail, clamped to
# [0, weight], rounded half away from zero to 2 decimals; a parent sums its children's
# rounded scores.  Arithmetic is written in the rule script's order so the doubles are the
# same.  ORDER HUANGPU: a change to rules/2022/huangpu.eval must be made here too.

# the double nearest the 15-significant-digit decimal form of .
def canon:
  if . == 0 then 0
  else (if . < 0 then -1 else 1 end) as $sign
    | (. * $sign) as $a
    | (14 - ($a | log10 | floor)) as $k
    | if $k >= 0 then ($a * pow(10; $k) | round) / pow(10; $k) * $sign
      else ($a / pow(10; -$k) | round) * pow(10; -$k) * $sign end
  end;

# half away from zero to 2 decimals, decided on the decimal form (2.675 -> 2.68)
def round2: canon * 100 | canon | round / 100;

def lt($b): canon < ($b | canon);
def gt($b): canon > ($b | canon);
def min2($b): . as $a | if $b | lt($a) then $b else $a end;   # ties keep the first, as min()
def max2($b): . as $a | if $b | gt($a) then $b else $a end;
def ceil15: canon | ceil;

# A leaf: base − deducted, 0 on a fail, clamped to [0, $w], rounded.
def leaf($w; $base; $deducted; $failed):
  if $failed then 0
  else ($base - $deducted)
    | if . < 0 then 0 elif gt($w) then $w else . end
    | round2
  end;
def full($w; $deducted): leaf($w; $w; $deducted; false);
def pass($w; $failed): leaf($w; $w; 0; $failed);

# A parent: the sum of its children's scores, clamped to [0, $w], rounded.
def parent($w): add | canon | if . < 0 then 0 elif gt($w) then $w else . end | round2;

def yes(b): if b then 0 else 1 end;     # 1 point for a missing item

."预算" as $b
| ($b."执行数" / $b."全年预算数") as $spent
| ."采购" as $c
| ."资产" as $z
| ."绩效管理" as $p
| {
  id: ."部门名称",
  score: ([
    # 履职效能 50 > 整体效能 50
    ([([
      leaf(20; 20 * ."绩效目标"."产出完成率"; 0; false),
      leaf(20; 20 * ([."效益指标"[] | select(."完成")] | length) / (."效益指标" | length); 0; false),
      leaf(10;
        10 * ((($b."季度累计执行数"[0] / $b."全年预算数" / 0.25) | min2(1))
              + (($b."季度累计执行数"[1] / $b."全年预算数" / 0.5) | min2(1))
              + (($b."季度累计执行数"[2] / $b."全年预算数" / 0.75) | min2(1))
              + ($spent | min2(1))) / 4;
        0; false)
    ] | parent(50))] | parent(50)),

    # 管理效率 50
    ([
      # 预算编制 3
      ([if ."预算编制"."新增项目数" == 0 then 3
        else leaf(3; 3 * (."预算编制"."已评估项目数" / ."预算编制"."新增项目数" | min2(1)); 0; false)
        end] | parent(3)),
      # 预算执行 4
      ([($b."结转结余" / $b."全年预算数") as $r
        | full(2; if $r | gt(0.1) then ($r - 0.1) * 100 * 0.1 else 0 end),
        full(2; 0.5 * (."财务问题" | length))
       ] | parent(4)),
      # 信息公开 4
      (."信息公开" as $i
       | [full(2; yes($i."预算按时公开") + yes($i."决算按时公开")),
          full(2; yes($i."绩效目标公开") + yes($i."绩效自评结果公开"))] | parent(4)),
      # 绩效管理 15
      ($p."制度" as $s
       | [full(5; yes($s."绩效目标管理") + yes($s."绩效运行监控") + yes($s."绩效评价管理")
                  + yes($s."评价结果应用") + yes($s."下属单位及专项资金绩效管理")),
          (if $p."应整改问题数" == 0 then 3
           else leaf(3; 3 * ($p."已整改问题数" / $p."应整改问题数" | min2(1)); 0; false) end),
          leaf(7; 7; 1 * ($p."执行问题" | length); $p."按时完成绩效自评" | not)
         ] | parent(15)),
      # 采购管理 10
      ([full(0.5; 0.1 * ($c."应公开意向项目数" - $c."已公开意向项目数" | max2(0))),
        pass(1.5; $c."实际金额" | gt($c."计划金额")),
        pass(1; $c."内控制度健全" | not),
        full(2; 0.5 * ($c."违规问题" | length)),
        full(3; 0.5 * $c."逾期签订合同数"),
        full(1; 0.2 * $c."逾期备案合同数"),
        leaf(1; 1 * ($c."中小企业采购占比" / 0.4 | min2(1)); 0; false)
       ] | parent(10)),
      # 资产管理 10
      ([pass(2; $z."超标准配置"),
        full(1; 0.5 * $z."逾期上缴笔数"),
        pass(1; $z."年度盘点" | not),
        full(2; 0.5 * ($z."年报数据问题" | length)),
        full(2; 0.5 * ($z."管理问题" | length)),
        ($z."在用固定资产" / $z."固定资产总额") as $r
        | full(2; if $r | lt(0.9) then 0.2 * ((0.9 - $r) / 0.01 | ceil15) else 0 end)
       ] | parent(10)),
      # 运行成本 4
      ([(."公用经费"."实际数" / ."公用经费"."预算数") as $r
        | full(2; if $r | gt(1) then 0.5 * (($r - 1) / 0.01 | ceil15) else 0 end),
        (."三公经费" as $t | pass(2; $t."实际数" | gt($t."预算数")))
       ] | parent(4))
    ] | parent(50))
  ] | add | round2)
}
