/* gen.c - writes N synthetic departments shaped like examples/2022/huangpu.json, one a line.
 *
 *   gen N [SEED]      (SEED defaults to 1; the same N and SEED give the same bytes)
 *
 * Every figure is drawn from a deterministic PRNG around the seed department's values, so
 * scores spread: most departments score in the 90s, some overspend, fail procurement, miss
 * the quarterly schedule or leave problems uncorrected.  Money is in 万元 with at most 2
 * decimals and printed as a spreadsheet export would (120, 62.8, 1291.73).  Every data set
 * is valid for rules/2022/huangpu.eval: no zero denominators, every unmet 效益指标 has a
 * 未达标原因, booleans are booleans.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

/* splitmix64: tiny, fast, and the same on every platform */
static uint64_t next(void)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* uniform in [lo, hi] */
static long range(long lo, long hi)
{
    return lo + (long)(next() % (uint64_t)(hi - lo + 1));
}

/* true with probability pct/100 */
static int chance(int pct)
{
    return range(1, 100) <= pct;
}

static const char *pick(const char *const *list, size_t n)
{
    return list[next() % n];
}
#define PICK(list) pick(list, sizeof list / sizeof list[0])

/* Money as a spreadsheet export prints it: cents, trailing zeros dropped. */
static void money(long cents)
{
    if (cents % 100 == 0)
        printf("%ld", cents / 100);
    else if (cents % 10 == 0)
        printf("%ld.%ld", cents / 100, cents % 100 / 10);
    else
        printf("%ld.%02ld", cents / 100, cents % 100);
}

/* a share of `cents` given in basis points (1/10000), rounded to the cent */
static long share(long cents, long bp)
{
    return (cents * bp + 5000) / 10000;
}

/* A ratio given in basis points, printed as a decimal fraction (9375 -> 0.9375). */
static void ratio(long bp)
{
    if (bp % 10000 == 0) {
        printf("%ld", bp / 10000);
        return;
    }
    int digits = 4;
    while (bp % 10 == 0) {
        bp /= 10;
        digits--;
    }
    printf("0.%0*ld", digits, bp);
}

static const char *const districts[] = {
    "黄埔区", "天河区", "越秀区", "海珠区", "荔湾区", "白云区",
    "番禺区", "花都区", "南沙区", "从化区", "增城区",
};
static const char *const bodies[] = {
    "工商业联合会", "教育局", "卫生健康局", "民政局", "司法局", "财政局",
    "人力资源和社会保障局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局",
    "商务局", "文化广电旅游局", "应急管理局", "市场监督管理局", "统计局", "医疗保障局",
    "城市管理和综合执法局", "科学技术局", "工业和信息化局", "档案馆", "妇女联合会",
};
static const char *const goals[] = {
    "会员企业及企业家获市以上荣誉", "民营企业入选省级百强及500强榜单",
    "非公经济组织党组织和党的工作覆盖", "全国“四好”商会创建", "乡村振兴产业对接成功案例",
    "群众满意度不低于90%", "政务服务事项网上可办率", "重点项目按期完工率",
    "投诉办结率", "培训覆盖人次", "专项资金惠及企业数", "信息系统可用率",
};
static const char *const reasons[] = {
    "受新冠病毒疫情影响，相关活动暂停举办",
    "项目审批流程较长，建设进度滞后",
    "合作单位调整工作计划，事项暂未达成意向",
    "年度中期预算调整，部分任务顺延至下一年度",
};
static const char *const problems[] = {
    "差旅费报销单据不完整", "个别支出未履行审批程序", "往来款项长期挂账未清理",
    "会计凭证附件不齐全", "公务卡结算执行不到位", "项目资金未按用途使用",
};

/* ["问题", ...] with n entries */
static void issues(int n)
{
    putchar('[');
    for (int i = 0; i < n; i++)
        printf("%s\"%s\"", i ? "," : "", PICK(problems));
    putchar(']');
}

/* mostly 0, sometimes up to max */
static int few(int pct, int max)
{
    return chance(pct) ? (int)range(1, max) : 0;
}

/* "name":true with probability pct/100 (one statement a draw keeps the byte stream fixed:
 * the order of evaluation of function arguments is unspecified in C) */
static void flag(const char *sep, const char *name, int pct)
{
    printf("%s\"%s\":%s", sep, name, chance(pct) ? "true" : "false");
}

static void count(const char *sep, const char *name, int n)
{
    printf("%s\"%s\":%d", sep, name, n);
}

static void amount(const char *sep, const char *name, long cents)
{
    printf("%s\"%s\":", sep, name);
    money(cents);
}

/* at most n, usually n itself */
static int done_of(int n, int pct_short)
{
    return n && chance(pct_short) ? (int)range(0, n - 1) : n;
}

static void department(unsigned long seq)
{
    const char *district = PICK(districts);
    const char *body = PICK(bodies);
    printf("{\"部门名称\":\"广州市%s%s%06lu\"", district, body, seq);
    count(",", "单位数", (int)range(1, 30));

    /* 预算: the year's execution rate drives 结转结余 and the quarterly schedule */
    long budget = range(5000, 5000000);                         /* 50 to 50,000 万元 */
    long rate = chance(85) ? range(9300, 10000) : range(6500, 9300);
    long spent = share(budget, rate);
    long basic = share(spent, range(4000, 8000));
    long q1 = share(spent, range(1500, 3200));
    long q2 = share(spent, range(4000, 6000));
    long q3 = share(spent, range(6200, 8600));
    amount(",\"预算\":{", "全年预算数", budget);
    amount(",", "执行数", spent);
    amount(",", "基本支出执行数", basic);
    amount(",", "项目支出执行数", spent - basic);
    amount(",", "结转结余", budget - spent);
    printf(",\"季度累计执行数\":[");
    money(q1);
    putchar(',');
    money(q2);
    putchar(',');
    money(q3);
    putchar(',');
    money(spent);
    printf("]}");

    printf(",\"绩效目标\":{\"产出完成率\":");
    ratio(chance(75) ? 10000 : range(7000, 9999));
    printf("},\"效益指标\":[");
    size_t first = next() % (sizeof goals / sizeof goals[0]);     /* distinct names */
    int ngoals = (int)range(3, 8);
    for (int i = 0; i < ngoals; i++) {
        const char *goal = goals[(first + (size_t)i) % (sizeof goals / sizeof goals[0])];
        printf("%s{\"名称\":\"%s\"", i ? "," : "", goal);
        if (chance(88))
            printf(",\"完成\":true}");
        else
            printf(",\"完成\":false,\"未达标原因\":\"%s\"}", PICK(reasons));
    }
    printf("]");

    int added = chance(25) ? 0 : (int)range(1, 10);
    count(",\"预算编制\":{", "新增项目数", added);
    count(",", "已评估项目数", done_of(added, 20));
    printf("},\"财务问题\":");
    issues(few(25, 3));

    flag(",\"信息公开\":{", "预算按时公开", 97);
    flag(",", "决算按时公开", 97);
    flag(",", "绩效目标公开", 93);
    flag(",", "绩效自评结果公开", 93);

    flag("},\"绩效管理\":{\"制度\":{", "绩效目标管理", 96);
    flag(",", "绩效运行监控", 94);
    flag(",", "绩效评价管理", 94);
    flag(",", "评价结果应用", 92);
    flag(",", "下属单位及专项资金绩效管理", 90);
    int due = chance(40) ? 0 : (int)range(1, 6);
    count("},", "应整改问题数", due);
    count(",", "已整改问题数", done_of(due, 30));
    flag(",", "按时完成绩效自评", 97);
    printf(",\"执行问题\":");
    issues(few(15, 3));

    /* 采购: a few departments buy more than planned (政府采购执行率 fails) */
    long plan = range(100, 2000000);
    long bought = chance(6) ? share(plan, range(10001, 11500)) : share(plan, range(8000, 10000));
    int intents = (int)range(0, 12);
    amount("},\"采购\":{", "计划金额", plan);
    amount(",", "实际金额", bought);
    count(",", "应公开意向项目数", intents);
    count(",", "已公开意向项目数", done_of(intents, 15));
    flag(",", "内控制度健全", 95);
    printf(",\"违规问题\":");
    issues(few(10, 3));
    count(",", "逾期签订合同数", few(10, 4));
    count(",", "逾期备案合同数", few(12, 6));
    printf(",\"中小企业采购占比\":");
    ratio(range(15, 100) * 100);

    long assets = range(1000, 3000000);
    flag("},\"资产\":{", "超标准配置", 4);
    count(",", "逾期上缴笔数", few(8, 3));
    flag(",", "年度盘点", 95);
    printf(",\"年报数据问题\":");
    issues(few(15, 4));
    printf(",\"管理问题\":");
    issues(few(12, 3));
    amount(",", "在用固定资产", share(assets, chance(70) ? range(9000, 10000) : range(7000, 9000)));
    amount(",", "固定资产总额", assets);

    long common = range(1000, 500000);
    amount("},\"公用经费\":{", "预算数", common);
    amount(",", "实际数", share(common, chance(85) ? range(8000, 10000) : range(10001, 10800)));

    long trips = range(50, 5050);
    amount("},\"三公经费\":{", "预算数", trips);
    amount(",", "实际数", share(trips, chance(92) ? range(2000, 10000) : range(10001, 11500)));
    printf("}}\n");
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: gen N [SEED]\n");
        return 2;
    }
    unsigned long n = strtoul(argv[1], NULL, 10);
    state = argc == 3 ? strtoull(argv[2], NULL, 10) : 1;
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    for (unsigned long i = 1; i <= n; i++)
        department(i);
    return fflush(stdout) == 0 ? 0 : 1;
}
