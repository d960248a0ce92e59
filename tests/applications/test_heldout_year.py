"""Held-out year (issue 19's acceptance): a clerk's register of 区住建局 for 2024 and 2025, with the tail of
2023, written from the issue and the 条例 alone, imported with ``import_applications`` and read back
through ``export_applications`` and ``application_tables`` exactly as the issue's Interfaces section
documents them.

Every due date below is counted by hand, day by day, on the State Council's holiday notices:
- 2024: 元旦 1/1; 春节 2/10–2/17 (调休 workdays Sun 2/4 and Sun 2/18); 清明 4/4–4/6 (Sun 4/7 works);
  劳动节 5/1–5/5 (Sun 4/28 and Sat 5/11 work); 端午 6/10; 中秋 9/15–9/17 (Sat 9/14 works);
  国庆 10/1–10/7 (Sun 9/29 and Sat 10/12 work).
- 2025: 元旦 1/1; 春节 1/28–2/4 (Sun 1/26 and Sat 2/8 work); 清明 4/4–4/6; 劳动节 5/1–5/5 (Sun 4/27
  works); 端午 5/31–6/2; 国庆中秋 10/1–10/8 (Sun 9/28 and Sat 10/11 work).
- 2026: 元旦 1/1–1/3 (Sun 1/4 works).
The rules (条例): 20 working days counted from the day after receipt (第三十三条); after a 补正 request
(第三十条) the period runs again from the day the corrected application arrives; one extension of 20
working days; the working days of a third-party consultation (第三十二条) are not counted. All three are
working days added to the same count, so due = the (20 + 20·延期 + 征求意见天数)-th working day after the
received date (or after the 补正收到日期). "(n)" below is the running count of working days.

Table 三 / 四 of a year Y (issue 19): 本年新收 = received in Y; 上年结转 = received before Y and not answered
by the end of Y−1; outcome rows = answered in Y; 结转下年度 = not answered by the end of Y; table 四 = the
appeals against the answers of Y (the register has no appeal date), 尚未审结 as the register says.
"""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from applications.models import Application
from tests.factories import UnitFactory
from units.models import Unit

D = datetime.date

HEADER = [
    "收到日期", "提交方式", "申请人类型", "申请内容", "补正告知日期", "补正收到日期", "延期",
    "征求意见天数", "答复日期", "处理结果", "复议诉讼", "复议诉讼结果",
]  # fmt: skip

# One row per application, in the clerk's own order and spelling. After each row: the hand-counted due
# date and whether the answer was late. Dates come as Excel dates (D(...)) or as text, as clerks type them.
# fmt: off
REGISTER = [
    # ---- 2023's tail ----
    # A1 received Mon 2023-12-04: 12/5–12/8 (4), 12/11–15 (9), 12/18–22 (14), 12/25–29 (19), 1/1 元旦,
    #    1/2 (20) → 2024-01-02. Answered 2023-12-20: on time, and not part of 2024 at all.
    (D(2023, 12, 4), "当面", "自然人", "2023年城区供热管网改造项目招标文件", None, None, None, None,
     D(2023, 12, 20), "予以公开", None, None),
    # A2 received Fri 2023-12-15, extended (40): 12/18–22 (5), 12/25–29 (10), 1/1 元旦, 1/2–5 (14),
    #    1/8–12 (19), 1/15–19 (24), 1/22–26 (29), 1/29–2/2 (34), Sun 2/4 调休 (35), 2/5–2/9 (40)
    #    → 2024-02-09. Answered 2024-02-20: late.
    ("2023年12月15日", "邮寄", "商业企业", "某小区商品房预售许可证发放情况", None, None, "是", None,
     "2024年2月20日", "予以公开", None, None),
    # A3 received Mon 2023-12-25: 12/26–29 (4), 1/2–5 (8), 1/8–12 (13), 1/15–19 (18), 1/22 (19),
    #    1/23 (20) → 2024-01-23. Answered only 2025-01-10: late; carried into 2024 and again into 2025.
    (D(2023, 12, 25), "网络", "自然人", "1998年某村集体土地上房屋拆迁补偿档案", None, None, None, None,
     "2025.1.10", "1.本机关不掌握相关政府信息", "行政复议", "结果维持"),
    # A4 received Thu 2023-12-28, 5 days of consultation (25): 12/29 (1), 1/1 元旦, 1/2–5 (5), 1/8–12 (10),
    #    1/15–19 (15), 1/22–26 (20), 1/29–2/2 (25) → 2024-02-02. Answered 2024-02-01: on time.
    ("2023-12-28", "传真", "法律服务机构", "某建筑公司2023年安全生产行政处罚决定书", None, None, None, 5,
     "2024-2-1", "部分公开", None, None),
    # ---- 2024 ----
    # B1 received Mon 1/8: 1/9–12 (4), 1/15–19 (9), 1/22–26 (14), 1/29–2/2 (19), Sun 2/4 调休 (20)
    #    → 2024-02-04, a Sunday that is a working day. Answered 1/19.
    (D(2024, 1, 8), "当面", "自然人", "2024年保障性租赁住房配租名单", None, None, None, None,
     D(2024, 1, 19), "予以公开", None, None),
    # B2 received Mon 1/22: 1/23–26 (4), 1/29–2/2 (9), Sun 2/4 (10), 2/5–2/9 (15), 2/10–17 春节,
    #    Sun 2/18 调休 (16), 2/19–22 (20) → 2024-02-22. Answered 2/26: late.
    ("2024年1月22日", "网络", "自然人", "老旧小区改造资金使用明细", None, None, None, None,
     "2024年2月26日", "部分公开", None, None),
    # B3 received Thu 2/8; 补正 asked Sun 2/18 (2/9 (1), 2/18 (2): within 7); corrected Tue 2/27:
    #    2/28–3/1 (3), 3/4–8 (8), 3/11–15 (13), 3/18–22 (18), 3/25 (19), 3/26 (20) → 2024-03-26.
    #    Answered 3/20.
    (D(2024, 2, 8), "邮寄", "商业企业", "某开发企业资质核查意见", D(2024, 2, 18), D(2024, 2, 27), None, None,
     D(2024, 3, 20), "4.保护第三方合法权益", "行政复议", "结果维持"),
    # B21 received Mon 2/19: 2/20–23 (4), 2/26–3/1 (9), 3/4–8 (14), 3/11–15 (19), 3/18 (20) → 2024-03-18.
    ("2024.2.19", "网络", "自然人", "人防工程平战结合使用情况", None, None, None, None,
     "2024.3.15", "2.其他法律行政法规禁止公开", None, None),
    # B4 received Tue 3/5: 3/6–8 (3), 3/11–15 (8), 3/18–22 (13), 3/25–29 (18), 4/1 (19), 4/2 (20)
    #    → 2024-04-02.
    ("2024-3-5", "当面", "科研机构", "2023年全区建筑节能统计数据", None, None, None, None,
     "2024-3-28", "予以公开", None, None),
    # B5 received Fri 3/15, 3 days of consultation (23): 3/18–22 (5), 3/25–29 (10), 4/1–3 (13),
    #    4/4–6 清明, Sun 4/7 调休 (14), 4/8–12 (19), 4/15 (20), 4/16 (21), 4/17 (22), 4/18 (23)
    #    → 2024-04-18. Answered that very day: on time.
    (D(2024, 3, 15), "网络", "自然人", "某小区加装电梯审批材料", None, None, "", 3,
     D(2024, 4, 18), " 予以公开 ", None, None),
    # B6 received Wed 4/3: 4/4–6 清明, Sun 4/7 (1), 4/8–12 (6), 4/15–19 (11), 4/22–26 (16), Sun 4/28 (17),
    #    4/29 (18), 4/30 (19), 5/1–5 劳动节, 5/6 (20) → 2024-05-06. Answered 5/6: on time.
    (D(2024, 4, 3), "当面", "自然人 ", "举报某工地夜间施工扰民并要求查处", None, None, None, None,
     D(2024, 5, 6), "信访举报投诉类申请", None, None),
    # B7 received Fri 4/26, extended (40): Sun 4/28 (1), 4/29–30 (3), 5/1–5 劳动节, 5/6–10 (8), Sat 5/11 (9),
    #    5/13–17 (14), 5/20–24 (19), 5/27–31 (24), 6/3–7 (29), 6/10 端午, 6/11–14 (33), 6/17–21 (38),
    #    6/24 (39), 6/25 (40) → 2024-06-25. Answered 6/20.
    ("2024年4月26日", "邮寄", "社会公益组织", "全区历年房屋安全鉴定汇总表", None, None, "是", None,
     "2024年6月20日", "2.没有现成信息需要另行制作", None, None),
    # B8 received Sat 5/11 (调休 working day): 5/13–17 (5), 5/20–24 (10), 5/27–31 (15), 6/3–7 (20)
    #    → 2024-06-07. Answered 6/7.
    (D(2024, 5, 11), "网络", "自然人", "2024年棚户区改造计划", None, None, None, None,
     D(2024, 6, 7), "予以公开", None, None),
    # B9 received Mon 5/20: 5/21–24 (4), 5/27–31 (9), 6/3–7 (14), 6/10 端午, 6/11–14 (18), 6/17 (19),
    #    6/18 (20) → 2024-06-18.
    (D(2024, 5, 20), "当面", "其他", "2024年棚户区改造计划（再次申请）", None, None, None, None,
     D(2024, 6, 13), "重复申请", None, None),
    # B10 received Fri 6/7: 6/10 端午, 6/11–14 (4), 6/17–21 (9), 6/24–28 (14), 7/1–5 (19), 7/8 (20)
    #    → 2024-07-08. Answered 7/9: late by one day.
    ("2024-6-7", "网络", "自然人", "某项目规划调整的内部讨论记录", None, None, None, None,
     "2024-7-9", "6.属于四类过程性信息", "未经复议直接起诉", "结果维持"),
    # B20 received Thu 6/20: 6/21 (1), 6/24–28 (6), 7/1–5 (11), 7/8–12 (16), 7/15–18 (20) → 2024-07-18.
    (D(2024, 6, 20), "当面", "商业企业", "查询本企业名下工程的质量监督记录", None, None, None, None,
     D(2024, 7, 10), "8.属于行政查询事项", None, None),
    # B11 received Mon 7/15; 补正 asked Mon 7/22 (7/16–19 (4), 7/22 (5): within 7), never corrected; closed
    #    8/9 as 逾期不补正. No corrected application arrived, so the period never ran again: the due date
    #    stays the first one: 7/16–19 (4), 7/22–26 (9), 7/29–8/2 (14), 8/5–9 (19), 8/12 (20) → 2024-08-12.
    (D(2024, 7, 15), "邮寄", "自然人", "某路段改造工程的变更签证单", D(2024, 7, 22), None, None, None,
     D(2024, 8, 9), "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", None, None),
    # B22 received Mon 8/5: 8/6–9 (4), 8/12–16 (9), 8/19–23 (14), 8/26–30 (19), 9/2 (20) → 2024-09-02.
    (D(2024, 8, 5), "传真", "其他", "对某物业公司的行政检查案卷", None, None, None, None,
     D(2024, 8, 30), "7.属于行政执法案卷", None, None),
    # B12 received Mon 8/26: 8/27–30 (4), 9/2–6 (9), 9/9–13 (14), Sat 9/14 调休 (15), 9/15–17 中秋,
    #    9/18–20 (18), 9/23 (19), 9/24 (20) → 2024-09-24. Answered Fri 9/13.
    ("2024-08-26", "当面", "法律服务机构", "某安置房项目的竣工验收备案表", None, None, None, None,
     "2024-09-13", "部分公开", "复议后起诉", "结果纠正"),
    # B13 received Tue 9/10, 10 days of consultation (30): 9/11–13 (3), Sat 9/14 (4), 9/15–17 中秋,
    #    9/18–20 (7), 9/23–27 (12), Sun 9/29 (13), 9/30 (14), 10/1–7 国庆, 10/8–11 (18), Sat 10/12 (19),
    #    10/14–18 (24), 10/21–25 (29), 10/28 (30) → 2024-10-28. Answered 10/31: late.
    (D(2024, 9, 10), "网络", "商业企业", "某燃气管线走向图", None, None, None, 10,
     D(2024, 10, 31), "3.危及“三安全一稳定”", None, None),
    # B14 received Fri 9/27: Sun 9/29 (1), 9/30 (2), 10/1–7 国庆, 10/8–11 (6), Sat 10/12 (7), 10/14–18 (12),
    #    10/21–25 (17), 10/28 (18), 10/29 (19), 10/30 (20) → 2024-10-30.
    ("2024年9月27日", "邮寄", "自然人", "2024年住房公积金缴存比例调整文件", None, None, None, None,
     "2024年10月25日", "予以公开", None, None),
    # B23 received Tue 10/8, first working day after 国庆: 10/9–11 (3), Sat 10/12 (4), 10/14–18 (9),
    #    10/21–25 (14), 10/28–11/1 (19), 11/4 (20) → 2024-11-04.
    (D(2024, 10, 8), "网络", "自然人", "申请提供《临淄区志》住建篇", None, None, None, None,
     D(2024, 10, 16), "3.要求提供公开出版物", None, None),
    # B15 received Sat 10/12 (调休): 10/14–18 (5), 10/21–25 (10), 10/28–11/1 (15), 11/4–8 (20)
    #    → 2024-11-08.
    (D(2024, 10, 12), "当面", "自然人", "要求确认已取得的拆迁补偿协议真实有效", None, None, None, None,
     D(2024, 11, 5), "5.要求行政机关确认或重新出具已获取信息", None, None),
    # B24 received Mon 11/4: 11/5–8 (4), 11/11–15 (9), 11/18–22 (14), 11/25–29 (19), 12/2 (20)
    #    → 2024-12-02.
    (D(2024, 11, 4), "当面", "自然人", "全区所有小区近十年维修资金每笔支出（第46次申请）", None, None, None, None,
     D(2024, 11, 20), "4.无正当理由大量反复申请", None, None),
    # B16 received Mon 11/18, extended (40): 11/19–22 (4), 11/25–29 (9), 12/2–6 (14), 12/9–13 (19),
    #    12/16–20 (24), 12/23–27 (29), 12/30–31 (31), 1/1 元旦, 1/2–3 (33), 1/6–10 (38), 1/13 (39),
    #    1/14 (40) → 2025-01-14. Answered 2025-01-06: carried into 2025.
    (D(2024, 11, 18), "网络", "科研机构", "装配式建筑项目统计台账", None, None, "是", None,
     D(2025, 1, 6), "部分公开", None, None),
    # B17 received Mon 12/2: 12/3–6 (4), 12/9–13 (9), 12/16–20 (14), 12/23–27 (19), 12/30 (20)
    #    → 2024-12-30.
    (D(2024, 12, 2), "当面", "自然人", "人防工程分布图", None, None, None, None,
     D(2024, 12, 19), "1.属于国家秘密", "行政复议", "尚未审结"),
    # B18 received Fri 12/20; 补正 asked Wed 12/25 (12/23 (1), 12/24 (2), 12/25 (3)); corrected Fri
    #    2025-01-03: 1/6–10 (5), 1/13–17 (10), 1/20–24 (15), Sun 1/26 调休 (16), 1/27 (17), 1/28–2/4 春节,
    #    2/5 (18), 2/6 (19), 2/7 (20) → 2025-02-07. Answered 2025-02-10: late.
    ("2024-12-20", "网络", "社会公益组织", "关于那个项目的所有材料", "2024-12-25", "2025-1-3", None, None,
     "2025-2-10", "3.补正后申请内容仍不明确", None, None),
    # B19 received Fri 12/27: 12/30–31 (2), 1/1 元旦, 1/2–3 (4), 1/6–10 (9), 1/13–17 (14), 1/20–24 (19),
    #    Sun 1/26 调休 (20) → 2025-01-26, a Sunday. Answered 2024-12-31.
    (D(2024, 12, 27), "邮寄", "自然人", "2024年冬季清洁取暖补贴发放标准", None, None, None, None,
     D(2024, 12, 31), "予以公开", None, None),
    # B25 received Mon 12/30: 12/31 (1), 1/1 元旦, 1/2–3 (3), 1/6–10 (8), 1/13–17 (13), 1/20–24 (18),
    #    Sun 1/26 (19), 1/27 (20) → 2025-01-27. Never answered: carried into 2025 and out of it.
    (D(2024, 12, 30), "网络", "其他", "某村民委员会申请的危房改造资金拨付凭证", None, None, None, None,
     None, None, None, None),
    # ---- 2025 ----
    # C1 received Thu 1/2: 1/3 (1), 1/6–10 (6), 1/13–17 (11), 1/20–24 (16), Sun 1/26 (17), 1/27 (18),
    #    1/28–2/4 春节, 2/5 (19), 2/6 (20) → 2025-02-06. Answered 2/6.
    (D(2025, 1, 2), "网络", "自然人", "2025年城市更新项目库", None, None, None, None,
     D(2025, 2, 6), "予以公开", None, None),
    # C2 received Fri 1/24, extended (40): Sun 1/26 (1), 1/27 (2), 春节, 2/5–7 (5), Sat 2/8 (6), 2/10–14 (11),
    #    2/17–21 (16), 2/24–28 (21), 3/3–7 (26), 3/10–14 (31), 3/17–21 (36), 3/24–27 (40) → 2025-03-27.
    ("2025年1月24日", "邮寄", "商业企业", "某片区控制性详细规划修改论证报告", None, None, "是", None,
     "2025年2月28日", "部分公开", None, None),
    # C3 received Sun 1/26 (调休 working day): 1/27 (1), 春节, 2/5–7 (4), Sat 2/8 (5), 2/10–14 (10),
    #    2/17–21 (15), 2/24–28 (20) → 2025-02-28. Answered Mon 3/3: late.
    (D(2025, 1, 26), "当面", "自然人", "春节期间农民工工资支付专项检查结果", None, None, None, None,
     D(2025, 3, 3), "予以公开", None, None),
    # C4 received Sat 2/8 (调休); 补正 asked Wed 2/12 (2/10 (1), 2/11 (2), 2/12 (3)); corrected Thu 2/20;
    #    extended, 6 days of consultation: 46 working days after 2/20: 2/21 (1), 2/24–28 (6), 3/3–7 (11),
    #    3/10–14 (16), 3/17–21 (21), 3/24–28 (26), 3/31–4/3 (30), 4/4–6 清明, 4/7–11 (35), 4/14–18 (40),
    #    4/21–25 (45), Sun 4/27 调休 (46) → 2025-04-27. Answered 5/6: late.
    ("2025.2.8", "网络", "法律服务机构", "某楼盘业主信息及购房合同备案", "2025.2.12", "2025.2.20", "是", 6,
     "2025.5.6", "保护第三方合法权益", "复议后起诉", "尚未审结"),
    # C5 received Mon 3/10: 3/11–14 (4), 3/17–21 (9), 3/24–28 (14), 3/31–4/3 (18), 4/4 清明, 4/7 (19),
    #    4/8 (20) → 2025-04-08.
    (D(2025, 3, 10), "当面", "科研机构", "2024年绿色建筑评价标识项目清单", None, None, None, None,
     D(2025, 4, 3), "予以公开", None, None),
    # C22 received Thu 3/20: 3/21 (1), 3/24–28 (6), 3/31–4/3 (10), 4/4 清明, 4/7–11 (15), 4/14–18 (20)
    #    → 2025-04-18.
    (D(2025, 3, 20), "当面", "法律服务机构", "全区建筑工程纠纷按律所分类的统计", None, None, None, None,
     D(2025, 4, 10), "没有现成信息需要另行制作", None, None),
    # C6 received Thu 4/3: 4/4–6 清明, 4/7–11 (5), 4/14–18 (10), 4/21–25 (15), Sun 4/27 (16), 4/28–30 (19),
    #    5/1–5 劳动节, 5/6 (20) → 2025-05-06.
    ("2025-4-3", "网络", "自然人", "局党组会议纪要", None, None, None, None,
     "2025-4-30", "5.属于三类内部事务信息", None, None),
    # C7 received Sun 4/27 (调休): 4/28–30 (3), 5/1–5 劳动节, 5/6–9 (7), 5/12–16 (12), 5/19–23 (17),
    #    5/26 (18), 5/27 (19), 5/28 (20) → 2025-05-28. Closed 6/5: after the due date.
    (D(2025, 4, 27), "邮寄", "其他", "全区建设工程图纸档案复制件（三千余页）", None, None, None, None,
     D(2025, 6, 5), "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", None, None),
    # C24 received Tue 5/6, first working day after 劳动节: 5/7–9 (3), 5/12–16 (8), 5/19–23 (13),
    #    5/26–30 (18), 5/31–6/2 端午, 6/3 (19), 6/4 (20) → 2025-06-04.
    (D(2025, 5, 6), "网络", "自然人", "2025年城市更新项目库（同一申请人再次申请）", None, None, None, None,
     D(2025, 5, 20), "2.重复申请", None, None),
    # C8 received Fri 5/30, 4 days of consultation (24): 5/31–6/2 端午, 6/3–6 (4), 6/9–13 (9),
    #    6/16–20 (14), 6/23–27 (19), 6/30 (20), 7/1–3 (23), 7/4 (24) → 2025-07-04. Answered 7/3.
    ("2025年5月30日", "当面", "自然人", "某小区规划许可及其公示材料", None, None, None, 4,
     "2025年7月3日", "部分公开", "行政复议", "结果纠正"),
    # C9 received Tue 6/3: 6/4–6 (3), 6/9–13 (8), 6/16–20 (13), 6/23–27 (18), 6/30 (19), 7/1 (20)
    #    → 2025-07-01. Answered 7/1.
    (D(2025, 6, 3), "网络", "自然人", "1985年某厂职工宿舍分配名单", None, None, None, None,
     D(2025, 7, 1), "本机关不掌握相关政府信息", None, None),
    # C25 received Mon 6/16; 补正 asked Wed 6/18, never corrected; closed Fri 7/18 as 逾期不补正. `due` stays
    #    the one counted from receipt: 6/17–20 (4), 6/23–27 (9), 6/30–7/4 (14), 7/7–11 (19), 7/14 (20)
    #    → 2025-07-14. The closing comes after it but is not late: with no corrected application no
    #    period ran (第三十条: the period counts from the corrected application; 逾期不补正 = 视为放弃申请).
    (D(2025, 6, 16), "当面", "自然人", "那几个项目的文件", D(2025, 6, 18), None, None, None,
     D(2025, 7, 18), "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", None, None),
    # C21 received Tue 7/1: 7/2–4 (3), 7/7–11 (8), 7/14–18 (13), 7/21–25 (18), 7/28 (19), 7/29 (20)
    #    → 2025-07-29.
    (D(2025, 7, 1), "网络", "自然人", "物业费指导价调整的研究论证材料（草稿）", None, None, None, None,
     D(2025, 7, 25), "6.属于四类过程性信息", None, None),
    # C10 received Mon 7/14: 7/15–18 (4), 7/21–25 (9), 7/28–8/1 (14), 8/4–8 (19), 8/11 (20) → 2025-08-11.
    (D(2025, 7, 14), "邮寄", "社会公益组织", "2025年城镇老旧小区改造计划", None, None, None, None,
     D(2025, 8, 8), "予以公开", None, None),
    # C23 received Fri 8/1: 8/4–8 (5), 8/11–15 (10), 8/18–22 (15), 8/25–29 (20) → 2025-08-29.
    ("2025-08-01", "邮寄", "自然人", "要求重新出具已领取的房屋征收决定书", None, None, None, None,
     "2025-08-20", "5.要求行政机关确认或重新出具已获取信息", None, None),
    # C11 received Mon 8/18: 8/19–22 (4), 8/25–29 (9), 9/1–5 (14), 9/8–12 (19), 9/15 (20) → 2025-09-15.
    (D(2025, 8, 18), "网络", "商业企业", "要求对本公司投诉事项作出答复并公开", None, None, None, None,
     D(2025, 9, 12), "其他", None, None),
    # C12 received Fri 9/19, extended (40): 9/22–26 (5), Sun 9/28 (6), 9/29–30 (8), 10/1–8 国庆中秋,
    #    10/9–10 (10), Sat 10/11 (11), 10/13–17 (16), 10/20–24 (21), 10/27–31 (26), 11/3–7 (31),
    #    11/10–14 (36), 11/17–20 (40) → 2025-11-20. Answered 11/20.
    ("2025-9-19", "当面", "自然人", "2025年全区危旧房屋排查结果", None, None, "是", None,
     "2025-11-20", "予以公开", None, None),
    # C13 received Fri 9/26: Sun 9/28 (1), 9/29–30 (3), 国庆, 10/9–10 (5), Sat 10/11 (6), 10/13–17 (11),
    #    10/20–24 (16), 10/27–30 (20) → 2025-10-30.
    (D(2025, 9, 26), "网络", "自然人", "对某施工企业的执法检查案卷", None, None, None, None,
     D(2025, 10, 30), "7.属于行政执法案卷", "未经复议直接起诉", "结果纠正"),
    # C14 received Tue 9/30; 补正 asked Fri 10/10 (国庆, 10/9 (1), 10/10 (2)); corrected Sat 10/11 (调休):
    #    10/13–17 (5), 10/20–24 (10), 10/27–31 (15), 11/3–7 (20) → 2025-11-07. Answered 11/7.
    (D(2025, 9, 30), "传真", "自然人", "某小区配建幼儿园移交协议", D(2025, 10, 10), D(2025, 10, 11), None, None,
     D(2025, 11, 7), "予以公开", None, None),
    # C15 received Thu 10/9: 10/10 (1), Sat 10/11 (2), 10/13–17 (7), 10/20–24 (12), 10/27–31 (17),
    #    11/3–5 (20) → 2025-11-05.
    ("2025年10月9日", "当面", "自然人", "投诉邻居违建要求拆除", None, None, None, None,
     "2025年10月28日", "1.信访举报投诉类申请", "行政复议", "其他结果"),
    # C26 received Mon 10/20: 10/21–24 (4), 10/27–31 (9), 11/3–7 (14), 11/10–14 (19), 11/17 (20)
    #    → 2025-11-17.
    (D(2025, 10, 20), "当面", "商业企业", "2025年建筑业企业信用评价结果", None, None, None, None,
     D(2025, 11, 14), "予以公开", "行政复议", "尚未审结"),
    # C16 received Mon 11/10: 11/11–14 (4), 11/17–21 (9), 11/24–28 (14), 12/1–5 (19), 12/8 (20) → 2025-12-08.
    (D(2025, 11, 10), "网络", "商业企业", "某项目招标中的评标委员会成员名单", None, None, None, None,
     D(2025, 12, 5), "其他法律行政法规禁止公开", "复议后起诉", "结果维持"),
    # C20 received Tue 11/25: 11/26–28 (3), 12/1–5 (8), 12/8–12 (13), 12/15–19 (18), 12/22 (19),
    #    12/23 (20) → 2025-12-23.
    (D(2025, 11, 25), "当面", "自然人", "申请提供已出版的《城市建设年鉴2024》", None, None, None, None,
     D(2025, 12, 10), "要求提供公开出版物", None, None),
    # C17 received Mon 12/1: 12/2–5 (4), 12/8–12 (9), 12/15–19 (14), 12/22–26 (19), 12/29 (20)
    #    → 2025-12-29. Not answered by 31 December: already past due, carried into 2026.
    (D(2025, 12, 1), "网络", "自然人", "某小区地下车位产权登记资料", None, None, None, None,
     None, None, None, None),
    # C18 received Mon 12/15, 2 days of consultation (22): 12/16–19 (4), 12/22–26 (9), 12/29–31 (12),
    #    1/1–3 元旦 2026, Sun 1/4 调休 (13), 1/5–9 (18), 1/12–15 (22) → 2026-01-15. Not answered.
    ("2025-12-15", "邮寄", "科研机构", "全区建筑垃圾资源化利用数据", None, None, None, 2,
     None, None, None, None),
    # C19 received Wed 12/24: answered 12/30. Due 12/25–26 (2), 12/29–31 (5), 元旦, Sun 1/4 (6), 1/5–9 (11),
    #    1/12–16 (16), 1/19–22 (20) → 2026-01-22.
    (D(2025, 12, 24), "当面", "其他", "本年度第31次申请全区所有工程的全部资料", None, None, None, None,
     D(2025, 12, 30), "4.无正当理由大量反复申请", None, None),
]
# fmt: on

# content → (due, answered, late): every application of the register.
DUE = {
    "2023年城区供热管网改造项目招标文件": (D(2024, 1, 2), D(2023, 12, 20), False),
    "某小区商品房预售许可证发放情况": (D(2024, 2, 9), D(2024, 2, 20), True),
    "1998年某村集体土地上房屋拆迁补偿档案": (D(2024, 1, 23), D(2025, 1, 10), True),
    "某建筑公司2023年安全生产行政处罚决定书": (D(2024, 2, 2), D(2024, 2, 1), False),
    "2024年保障性租赁住房配租名单": (D(2024, 2, 4), D(2024, 1, 19), False),
    "老旧小区改造资金使用明细": (D(2024, 2, 22), D(2024, 2, 26), True),
    "某开发企业资质核查意见": (D(2024, 3, 26), D(2024, 3, 20), False),
    "人防工程平战结合使用情况": (D(2024, 3, 18), D(2024, 3, 15), False),
    "2023年全区建筑节能统计数据": (D(2024, 4, 2), D(2024, 3, 28), False),
    "某小区加装电梯审批材料": (D(2024, 4, 18), D(2024, 4, 18), False),
    "举报某工地夜间施工扰民并要求查处": (D(2024, 5, 6), D(2024, 5, 6), False),
    "全区历年房屋安全鉴定汇总表": (D(2024, 6, 25), D(2024, 6, 20), False),
    "2024年棚户区改造计划": (D(2024, 6, 7), D(2024, 6, 7), False),
    "2024年棚户区改造计划（再次申请）": (D(2024, 6, 18), D(2024, 6, 13), False),
    "某项目规划调整的内部讨论记录": (D(2024, 7, 8), D(2024, 7, 9), True),
    "查询本企业名下工程的质量监督记录": (D(2024, 7, 18), D(2024, 7, 10), False),
    "某路段改造工程的变更签证单": (D(2024, 8, 12), D(2024, 8, 9), False),
    "对某物业公司的行政检查案卷": (D(2024, 9, 2), D(2024, 8, 30), False),
    "某安置房项目的竣工验收备案表": (D(2024, 9, 24), D(2024, 9, 13), False),
    "某燃气管线走向图": (D(2024, 10, 28), D(2024, 10, 31), True),
    "2024年住房公积金缴存比例调整文件": (D(2024, 10, 30), D(2024, 10, 25), False),
    "申请提供《临淄区志》住建篇": (D(2024, 11, 4), D(2024, 10, 16), False),
    "要求确认已取得的拆迁补偿协议真实有效": (D(2024, 11, 8), D(2024, 11, 5), False),
    "全区所有小区近十年维修资金每笔支出（第46次申请）": (D(2024, 12, 2), D(2024, 11, 20), False),
    "装配式建筑项目统计台账": (D(2025, 1, 14), D(2025, 1, 6), False),
    "人防工程分布图": (D(2024, 12, 30), D(2024, 12, 19), False),
    "关于那个项目的所有材料": (D(2025, 2, 7), D(2025, 2, 10), True),
    "2024年冬季清洁取暖补贴发放标准": (D(2025, 1, 26), D(2024, 12, 31), False),
    "某村民委员会申请的危房改造资金拨付凭证": (D(2025, 1, 27), None, False),
    "2025年城市更新项目库": (D(2025, 2, 6), D(2025, 2, 6), False),
    "某片区控制性详细规划修改论证报告": (D(2025, 3, 27), D(2025, 2, 28), False),
    "春节期间农民工工资支付专项检查结果": (D(2025, 2, 28), D(2025, 3, 3), True),
    "某楼盘业主信息及购房合同备案": (D(2025, 4, 27), D(2025, 5, 6), True),
    "2024年绿色建筑评价标识项目清单": (D(2025, 4, 8), D(2025, 4, 3), False),
    "全区建筑工程纠纷按律所分类的统计": (D(2025, 4, 18), D(2025, 4, 10), False),
    "局党组会议纪要": (D(2025, 5, 6), D(2025, 4, 30), False),
    "全区建设工程图纸档案复制件（三千余页）": (D(2025, 5, 28), D(2025, 6, 5), True),
    "2025年城市更新项目库（同一申请人再次申请）": (D(2025, 6, 4), D(2025, 5, 20), False),
    "某小区规划许可及其公示材料": (D(2025, 7, 4), D(2025, 7, 3), False),
    "1985年某厂职工宿舍分配名单": (D(2025, 7, 1), D(2025, 7, 1), False),
    "那几个项目的文件": (D(2025, 7, 14), D(2025, 7, 18), False),
    "物业费指导价调整的研究论证材料（草稿）": (D(2025, 7, 29), D(2025, 7, 25), False),
    "2025年城镇老旧小区改造计划": (D(2025, 8, 11), D(2025, 8, 8), False),
    "要求重新出具已领取的房屋征收决定书": (D(2025, 8, 29), D(2025, 8, 20), False),
    "要求对本公司投诉事项作出答复并公开": (D(2025, 9, 15), D(2025, 9, 12), False),
    "2025年全区危旧房屋排查结果": (D(2025, 11, 20), D(2025, 11, 20), False),
    "对某施工企业的执法检查案卷": (D(2025, 10, 30), D(2025, 10, 30), False),
    "某小区配建幼儿园移交协议": (D(2025, 11, 7), D(2025, 11, 7), False),
    "投诉邻居违建要求拆除": (D(2025, 11, 5), D(2025, 10, 28), False),
    "2025年建筑业企业信用评价结果": (D(2025, 11, 17), D(2025, 11, 14), False),
    "某项目招标中的评标委员会成员名单": (D(2025, 12, 8), D(2025, 12, 5), False),
    "申请提供已出版的《城市建设年鉴2024》": (D(2025, 12, 23), D(2025, 12, 10), False),
    "某小区地下车位产权登记资料": (D(2025, 12, 29), None, False),
    "全区建筑垃圾资源化利用数据": (D(2026, 1, 15), None, False),
    "本年度第31次申请全区所有工程的全部资料": (D(2026, 1, 22), D(2025, 12, 30), False),
}

# The applications carried into a year (received before it, not answered by its start).
CARRIED_INTO = {
    2024: {"某小区商品房预售许可证发放情况", "1998年某村集体土地上房屋拆迁补偿档案", "某建筑公司2023年安全生产行政处罚决定书"},
    2025: {"1998年某村集体土地上房屋拆迁补偿档案", "装配式建筑项目统计台账", "关于那个项目的所有材料",
           "某村民委员会申请的危房改造资金拨付凭证"},
}  # fmt: skip

ROWS = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
]

# Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 — counted by hand from REGISTER.
# fmt: off
TABLE_3 = {
    2024: [
        # 新收 B1–B25: 自然人 B1 B2 B5 B6 B8 B10 B11 B14 B15 B17 B19 B21 B23 B24; 商业 B3 B13 B20;
        # 科研 B4 B16; 公益 B7 B18; 法律 B12; 其他 B9 B22 B25.
        [14, 3, 2, 2, 1, 3, 25],
        [1, 1, 0, 0, 1, 0, 3],  # 结转: A3 自然人, A2 商业, A4 法律 (A1 answered in 2023)
        [5, 1, 1, 0, 0, 0, 7],  # 予以公开: B1 B5 B8 B14 B19; A2; B4
        [1, 0, 0, 0, 2, 0, 3],  # 部分公开: B2; A4 B12
        [1, 0, 0, 0, 0, 0, 1],  # 国家秘密 B17
        [1, 0, 0, 0, 0, 0, 1],  # 其他法律 B21
        [0, 1, 0, 0, 0, 0, 1],  # 三安全 B13
        [0, 1, 0, 0, 0, 0, 1],  # 第三方 B3
        [0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 0, 1],  # 过程性 B10
        [0, 0, 0, 0, 0, 1, 1],  # 执法案卷 B22
        [0, 1, 0, 0, 0, 0, 1],  # 行政查询 B20
        [0, 0, 0, 0, 0, 0, 0],  # 不掌握: A3 is answered only in 2025
        [0, 0, 0, 1, 0, 0, 1],  # 另行制作 B7
        [0, 0, 0, 0, 0, 0, 0],  # 补正后不明确: B18 is answered in 2025
        [1, 0, 0, 0, 0, 0, 1],  # 信访 B6
        [0, 0, 0, 0, 0, 1, 1],  # 重复 B9
        [1, 0, 0, 0, 0, 0, 1],  # 出版物 B23
        [1, 0, 0, 0, 0, 0, 1],  # 大量反复 B24
        [1, 0, 0, 0, 0, 0, 1],  # 确认或重新出具 B15
        [1, 0, 0, 0, 0, 0, 1],  # 逾期不补正 B11
        [0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
        [14, 4, 1, 1, 2, 2, 24],  # （七）总计
        [1, 0, 1, 1, 0, 1, 4],  # 结转下年度: A3, B16, B18, B25
    ],
    2025: [
        # 新收: 自然人 C1 C3 C6 C8 C9 C12 C13 C14 C15 C17 C20 C21 C23 C24 C25; 商业 C2 C11 C16 C26;
        # 科研 C5 C18; 公益 C10; 法律 C4 C22; 其他 C7 C19.
        [15, 4, 2, 1, 2, 2, 26],
        [1, 0, 1, 1, 0, 1, 4],  # 结转: A3, B16, B18, B25 (= 2024's 结转下年度)
        [4, 1, 1, 1, 0, 0, 7],  # 予以公开: C1 C3 C12 C14; C26; C5; C10
        [1, 1, 1, 0, 0, 0, 3],  # 部分公开: C8; C2; B16
        [0, 0, 0, 0, 0, 0, 0],
        [0, 1, 0, 0, 0, 0, 1],  # 其他法律 C16
        [0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 1, 0, 1],  # 第三方 C4
        [1, 0, 0, 0, 0, 0, 1],  # 内部事务 C6
        [1, 0, 0, 0, 0, 0, 1],  # 过程性 C21
        [1, 0, 0, 0, 0, 0, 1],  # 执法案卷 C13
        [0, 0, 0, 0, 0, 0, 0],
        [2, 0, 0, 0, 0, 0, 2],  # 不掌握 A3 C9
        [0, 0, 0, 0, 1, 0, 1],  # 另行制作 C22
        [0, 0, 0, 1, 0, 0, 1],  # 补正后不明确 B18
        [1, 0, 0, 0, 0, 0, 1],  # 信访 C15
        [1, 0, 0, 0, 0, 0, 1],  # 重复 C24
        [1, 0, 0, 0, 0, 0, 1],  # 出版物 C20
        [0, 0, 0, 0, 0, 1, 1],  # 大量反复 C19
        [1, 0, 0, 0, 0, 0, 1],  # 确认或重新出具 C23
        [1, 0, 0, 0, 0, 0, 1],  # 逾期不补正 C25
        [0, 0, 0, 0, 0, 1, 1],  # 逾期未缴费 C7
        [0, 1, 0, 0, 0, 0, 1],  # 其他 C11
        [15, 4, 2, 2, 2, 2, 27],  # （七）总计
        [1, 0, 1, 0, 0, 1, 3],  # 结转下年度: C17, C18, B25
    ],
}
# 行政复议 (维持, 纠正, 其他, 尚未审结, 总计), 未经复议直接起诉 (same), 复议后起诉 (same).
TABLE_4 = {
    # 复议: B3 维持, B17 尚未审结; 直接起诉: B10 维持; 复议后起诉: B12 纠正.
    2024: [1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1],
    # 复议: A3 维持, C8 纠正, C15 其他, C26 尚未审结; 直接起诉: C13 纠正; 复议后起诉: C16 维持, C4 尚未审结.
    2025: [1, 1, 1, 1, 4, 0, 1, 0, 0, 1, 1, 0, 0, 1, 2],
}
# fmt: on

UNIT = "区住建局"


def register_workbook(path, rows=REGISTER, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "依申请公开登记"
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def unit(db):
    return UnitFactory(name=UNIT, category=Unit.Category.DEPARTMENT)


@pytest.fixture
def imported(unit, tmp_path):
    out = io.StringIO()
    call_command("import_applications", str(register_workbook(tmp_path / "登记簿.xlsx")), "--unit", UNIT, stdout=out)
    return out.getvalue()


def export_json(tmp_path, year):
    path = tmp_path / f"export{year}.json"
    call_command("export_applications", "--year", str(year), "--unit", UNIT, "--format", "json", "--output", str(path))
    return json.loads(path.read_text(encoding="utf-8"))


def tables(year):
    out = io.StringIO()
    call_command("application_tables", "--year", str(year), "--unit", UNIT, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_register_is_what_the_comments_say():
    assert len(REGISTER) == len(DUE) == 55
    assert {row[3] for row in REGISTER} == set(DUE)


@pytest.mark.parametrize("year", [2024, 2025])
def test_export_gives_the_hand_counted_due_dates(imported, tmp_path, year):
    exported = export_json(tmp_path, year)
    expected_contents = {content for content in DUE if _received(content).year == year} | CARRIED_INTO[year]
    assert sorted(item["content"] for item in exported) == sorted(expected_contents)
    for item in exported:
        due, answered, late = DUE[item["content"]]
        assert list(item) == ["content", "received", "due", "answered", "late", "outcome", "carried_over"]
        got = (item["received"], item["due"], item["answered"], item["late"], item["outcome"], item["carried_over"])
        want = (
            _received(item["content"]).isoformat(),
            due.isoformat(),
            answered.isoformat() if answered else None,
            late,
            _outcome(item["content"]),
            item["content"] in CARRIED_INTO[year],
        )
        assert got == want, item["content"]


def test_the_xlsx_export_lists_the_same_due_dates(imported, tmp_path):
    path = tmp_path / "2025.xlsx"
    call_command("export_applications", "--year", "2025", "--unit", UNIT, "--format", "xlsx", "--output", str(path))
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    header = rows[1]
    listed = {
        row[header.index("申请内容")]: (row[header.index("答复期限")], row[header.index("是否超期")] == "是")
        for row in rows[2:]
    }
    expected = {c for c in DUE if _received(c).year == 2025} | CARRIED_INTO[2025]
    assert listed == {c: (f"{DUE[c][0].year}年{DUE[c][0].month}月{DUE[c][0].day}日", DUE[c][2]) for c in expected}


@pytest.mark.parametrize("year", [2024, 2025])
def test_tables_are_the_hand_counted_ones(imported, year):
    computed = tables(year)
    assert list(computed) == ["三", "四"]
    assert list(computed["三"]) == ROWS
    assert dict(computed["三"]) == dict(zip(ROWS, TABLE_3[year], strict=True))
    assert computed["四"] == TABLE_4[year]


def test_the_hand_counted_tables_keep_the_checks():
    """勾稽: per column 一 + 二 = （七） + 四; （七） = the sum of the outcome rows; 总计 = the six columns;
    this year's 上年结转 = last year's 结转下年度; each 总计 of 四 = its four results."""
    for table in TABLE_3.values():
        for column in range(7):
            values = [row[column] for row in table]
            assert values[0] + values[1] == values[23] + values[24]
            assert values[23] == sum(values[2:23])
        assert all(row[6] == sum(row[:6]) for row in table)
    assert TABLE_3[2024][24] == TABLE_3[2025][1]
    for numbers in TABLE_4.values():
        assert all(numbers[i + 4] == sum(numbers[i : i + 4]) for i in (0, 5, 10))


def _outcome(content):
    """The outcome as the register names it: 予以公开, 部分公开, or the reason numbered as in table 三."""
    text = next(row for row in REGISTER if row[3] == content)[9]
    if text is None:
        return None
    text = text.strip()
    if text in ("予以公开", "部分公开"):
        return text
    if text == "其他":
        return "3.其他"
    return next(label for label in ROWS[4:23] if text in (label, label.split(".", 1)[1]))


def _received(content):
    row = next(row for row in REGISTER if row[3] == content)
    value = row[0]
    if isinstance(value, datetime.date):
        return value
    text = value.replace("年", "-").replace("月", "-").replace("日", "").replace(".", "-")
    year, month, day = (int(part) for part in text.split("-"))
    return D(year, month, day)


# fmt: off
BAD_ROWS = [
    ("2024-02-30", "网络", "自然人", "不存在的日子收到的申请", None, None, None, None, None, None, None, None),
    (D(2024, 3, 11), "当面", "自然人", "答复早于收到", None, None, None, None, "2024年3月8日", "予以公开", None, None),
    (D(2024, 3, 12), "当面", "自然人", "处理结果写错", None, None, None, None, D(2024, 3, 20), "保护隐私", None, None),
    (D(2024, 3, 13), "邮寄", "商业企业", "延期两次", None, None, "2次", None, D(2024, 5, 30), "予以公开", None, None),
]
# fmt: on


def test_the_register_with_four_bad_rows_is_refused_whole(unit, tmp_path, capsys):
    path = register_workbook(tmp_path / "登记簿.xlsx", rows=[*REGISTER, *BAD_ROWS])
    for extra in (["--dry-run"], []):
        with pytest.raises(CommandError, match="^共4处错误，未导入任何数据。$"):
            call_command("import_applications", str(path), "--unit", UNIT, *extra)
        err = capsys.readouterr().err
        assert err.splitlines()[-4:] == [
            "第57行 收到日期: 日期不存在：“2024-02-30”（2024年2月没有30日）",
            "第58行 答复日期: 答复日期（2024年3月8日）早于收到申请日期（2024年3月11日）",
            "第59行 处理结果: 未知的处理结果“保护隐私”，应为予以公开、部分公开，或表三中的理由，"
            "如“4.保护第三方合法权益”“本机关不掌握相关政府信息”",
            "第60行 延期: “2次”：答复期限只能延长一次（条例第三十三条），不能第二次延期",
        ]
    assert not Application.objects.exists()


def test_the_dry_run_writes_nothing_and_a_second_import_changes_nothing(unit, tmp_path, capsys):
    path = register_workbook(tmp_path / "登记簿.xlsx")
    call_command("import_applications", str(path), "--unit", UNIT, "--dry-run")
    assert not Application.objects.exists()
    call_command("import_applications", str(path), "--unit", UNIT)
    call_command("import_applications", str(path), "--unit", UNIT)
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "已导入：新增0条，修改0条，删除0条，未变55条"
    assert Application.objects.count() == 55
    assert tables(2025)["四"] == TABLE_4[2025]


def test_a_review_then_a_lawsuit_counts_in_both_columns_of_four(unit, tmp_path):
    # Received Mon 2 Sep 2024, answered Fri 20 Sep; the applicant asked for a review (upheld), then sued.
    row = (D(2024, 9, 2), "网络", "自然人", "复议后又起诉的申请", None, None, None, None, D(2024, 9, 20),
           "6.属于四类过程性信息", "行政复议、复议后起诉", "结果维持、尚未审结")  # fmt: skip
    call_command("import_applications", str(register_workbook(tmp_path / "r.xlsx", rows=[row])), "--unit", UNIT)
    assert tables(2024)["四"] == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
