-- score.lua - rules/2022/huangpu.eval written by hand for LuaJIT + lua-cjson: one
-- {"id": …, "score": …} line a data set, like score.jq.
--
--   luajit bench/score.lua [decimal] < FILE.ndjson
--
-- Plain (the default) is how a programmer would write it: binary doubles throughout,
-- comparisons on the doubles, rounding as floor(x * 100 + 0.5) / 100.  With `decimal` every
-- decision (comparison, min, max, ceil, rounding) is taken on the 15-significant-digit decimal
-- form of the value, as jixiao does (docs/language.md §5), via printf("%.14e") and back.  run.sh
-- runs both: where plain disagrees with jixiao and decimal agrees, the difference is the
-- 15-digit rule (10 × 0.7745 is 7.744999… in binary: 7.74 plain, 7.75 decimal).
-- ORDER HUANGPU: a change to rules/2022/huangpu.eval must be made here too.
local cjson = require "cjson"
local floor, ceil, format = math.floor, math.ceil, string.format
local decimal = arg[1] == "decimal"

local canon
if decimal then
  canon = function(x) if x == 0 then return 0 end return tonumber(format("%.14e", x)) end
else
  canon = function(x) return x end
end
local function lt(a, b) return canon(a) < canon(b) end
local function gt(a, b) return canon(a) > canon(b) end
local function min2(a, b) if lt(b, a) then return b end return a end   -- ties keep the first
local function max2(a, b) if gt(b, a) then return b end return a end
local function ceil15(x) return ceil(canon(x)) end

-- half away from zero to 2 decimals
local function round2(x)
  local y = canon(canon(x) * 100)
  if y < 0 then return -floor(-y + 0.5) / 100 end
  return floor(y + 0.5) / 100
end

-- a leaf: base − deducted, 0 on a fail, clamped to [0, w], rounded
local function leaf(w, base, deducted, failed)
  if failed then return 0 end
  local v = base - deducted
  if v < 0 then v = 0 elseif gt(v, w) then v = w end
  return round2(v)
end
local function full(w, deducted) return leaf(w, w, deducted, false) end
local function pass(w, failed) return leaf(w, w, 0, failed) end

-- a parent: the sum of its children's scores (left to right), clamped, rounded
local function parent(w, kids)
  local s = 0
  for i = 1, #kids do s = s + kids[i] end
  s = canon(s)
  if s < 0 then s = 0 elseif gt(s, w) then s = w end
  return round2(s)
end

local function yes(b) if b then return 0 end return 1 end   -- 1 point for a missing item

local function score(d)
  local b, c, z, p = d["预算"], d["采购"], d["资产"], d["绩效管理"]
  local spent = b["执行数"] / b["全年预算数"]
  local goals, done = d["效益指标"], 0
  for i = 1, #goals do if goals[i]["完成"] then done = done + 1 end end
  local q = b["季度累计执行数"]
  local total = b["全年预算数"]

  local lvxiao = parent(50, {parent(50, {
    leaf(20, 20 * d["绩效目标"]["产出完成率"], 0, false),
    leaf(20, 20 * done / #goals, 0, false),
    leaf(10, 10 * (min2(q[1] / total / 0.25, 1) + min2(q[2] / total / 0.5, 1)
                   + min2(q[3] / total / 0.75, 1) + min2(spent, 1)) / 4, 0, false),
  })})

  local bz = d["预算编制"]
  local bianzhi
  if bz["新增项目数"] == 0 then bianzhi = parent(3, {3})
  else bianzhi = parent(3, {leaf(3, 3 * min2(bz["已评估项目数"] / bz["新增项目数"], 1), 0, false)}) end

  local r = b["结转结余"] / total
  local zhixing = parent(4, {
    full(2, gt(r, 0.1) and (r - 0.1) * 100 * 0.1 or 0),
    full(2, 0.5 * #d["财务问题"]),
  })

  local i = d["信息公开"]
  local gongkai = parent(4, {
    full(2, yes(i["预算按时公开"]) + yes(i["决算按时公开"])),
    full(2, yes(i["绩效目标公开"]) + yes(i["绩效自评结果公开"])),
  })

  local s = p["制度"]
  local jieguo
  if p["应整改问题数"] == 0 then jieguo = 3
  else jieguo = leaf(3, 3 * min2(p["已整改问题数"] / p["应整改问题数"], 1), 0, false) end
  local jixiao = parent(15, {
    full(5, yes(s["绩效目标管理"]) + yes(s["绩效运行监控"]) + yes(s["绩效评价管理"])
            + yes(s["评价结果应用"]) + yes(s["下属单位及专项资金绩效管理"])),
    jieguo,
    leaf(7, 7, 1 * #p["执行问题"], not p["按时完成绩效自评"]),
  })

  local caigou = parent(10, {
    full(0.5, 0.1 * max2(c["应公开意向项目数"] - c["已公开意向项目数"], 0)),
    pass(1.5, gt(c["实际金额"], c["计划金额"])),
    pass(1, not c["内控制度健全"]),
    full(2, 0.5 * #c["违规问题"]),
    full(3, 0.5 * c["逾期签订合同数"]),
    full(1, 0.2 * c["逾期备案合同数"]),
    leaf(1, 1 * min2(c["中小企业采购占比"] / 0.4, 1), 0, false),
  })

  local zr = z["在用固定资产"] / z["固定资产总额"]
  local zichan = parent(10, {
    pass(2, z["超标准配置"]),
    full(1, 0.5 * z["逾期上缴笔数"]),
    pass(1, not z["年度盘点"]),
    full(2, 0.5 * #z["年报数据问题"]),
    full(2, 0.5 * #z["管理问题"]),
    full(2, lt(zr, 0.9) and 0.2 * ceil15((0.9 - zr) / 0.01) or 0),
  })

  local g, t = d["公用经费"], d["三公经费"]
  local gr = g["实际数"] / g["预算数"]
  local chengben = parent(4, {
    full(2, gt(gr, 1) and 0.5 * ceil15((gr - 1) / 0.01) or 0),
    pass(2, gt(t["实际数"], t["预算数"])),
  })

  local guanli = parent(50, {bianzhi, zhixing, gongkai, jixiao, caigou, zichan, chengben})
  return round2(lvxiao + guanli)
end

-- numbers as jq -c prints them: shortest form that reads back the same
local function num(x)
  if x == floor(x) and x > -1e15 and x < 1e15 then return format("%d", x) end
  for digits = 1, 17 do
    local s = format("%." .. digits .. "g", x)
    if tonumber(s) == x then return s end
  end
end

local out = {}
for line in io.lines() do
  local d = cjson.decode(line)
  out[#out + 1] = format('{"id":%s,"score":%s}', cjson.encode(d["部门名称"]), num(score(d)))
  if #out == 512 then io.write(table.concat(out, "\n"), "\n"); out = {} end
end
if #out > 0 then io.write(table.concat(out, "\n"), "\n") end
