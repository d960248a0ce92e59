"""Reading the names clerks write in a register sheet: the outcome (a row of table 三, with or
without its number or group), the applicant type, the channel, the kind and result of an appeal,
and the extension. Each parser returns the key or raises :class:`NameProblem` with the reason."""

from __future__ import annotations

import re
import unicodedata

from .catalogue import APPEAL_KINDS, APPEAL_RESULTS, APPLICANT_TYPES, GROUP_LABELS, OUTCOMES, Outcome
from .deadlines import MAX_EXTENSION_DAYS


class NameProblem(ValueError):
    pass


_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Full-width folded, no spaces or quotes, ``、`` ``．`` after a number read as ``.``."""
    text = unicodedata.normalize("NFKC", str(text or "")).translate(_QUOTES)
    text = _SPACES.sub("", text).rstrip("。.,，;；")
    return re.sub(r"^(\(?\d+\)?)[、.．)]", r"\1.", text)


_GROUP_PREFIX = re.compile(r"^\(?[一二三四五六七]\)?[、.]?")
_NUMBER = re.compile(r"^\(?(\d{1,2})\)?\.?")
_PARTLY_NOTE = re.compile(r"\(区分处理.*\)$")
GROUP_NAMES = {fold(label)[3:]: key for key, label in GROUP_LABELS.items()}
"""不予公开 → refused …"""
_BY_NAME = {fold(o.name): o for o in OUTCOMES}
OUTCOME_HINT = "应为予以公开、部分公开，或表三中的理由，如“4.保护第三方合法权益”“本机关不掌握相关政府信息”"


def _strip_group(text: str) -> tuple[str, str]:
    text = _GROUP_PREFIX.sub("", text)
    for name, key in GROUP_NAMES.items():
        if text.startswith(name) and text != name:
            rest = text[len(name) :].lstrip(":：-—/、.·|")
            return key, _GROUP_PREFIX.sub("", rest)
        if text == name:
            return key, ""
    return "", text


def parse_outcome(text: str) -> Outcome:
    """予以公开, （二）部分公开, 4.保护第三方合法权益, 不予公开-保护第三方合法权益, 其他 (= （六）3.其他) …"""
    shown = unicodedata.normalize("NFKC", str(text or "")).strip()
    folded = _PARTLY_NOTE.sub("", fold(shown))
    group, rest = _strip_group(folded)
    number_match = _NUMBER.match(rest)
    number = int(number_match.group(1)) if number_match else None
    name = rest[number_match.end() :] if number_match else rest
    candidates = [o for o in OUTCOMES if not group or o.group == group]
    if not name:
        by_number = [o for o in candidates if o.group and number is not None and o.key.endswith(f"_{number}")]
        if group and len(by_number) == 1:
            return by_number[0]
        if group:
            raise NameProblem(f"“{shown}”未写明理由，{OUTCOME_HINT}")
        raise NameProblem(f"未知的处理结果“{shown}”，{OUTCOME_HINT}")
    exact = _BY_NAME.get(name)
    if exact is not None and exact in candidates:
        return exact
    alike = sorted(
        (o for o in candidates if len(name) >= 2 and (name in fold(o.name) or fold(o.name) in name)),
        key=lambda o: -len(o.name),
    )
    if len(alike) == 1 or (len(alike) > 1 and len(alike[0].name) > len(alike[1].name) and fold(alike[0].name) in name):
        return alike[0]
    if alike:
        names = "、".join(o.short for o in alike[:4]) + ("等" if len(alike) > 4 else "")
        raise NameProblem(f"处理结果“{shown}”不明确，可能是：{names}")
    raise NameProblem(f"未知的处理结果“{shown}”，{OUTCOME_HINT}")


def _lookup(text: str, table: dict[str, str], what: str, hint: str) -> str:
    shown = unicodedata.normalize("NFKC", str(text or "")).strip()
    key = table.get(fold(shown))
    if key is None:
        raise NameProblem(f"未知的{what}“{shown}”，{hint}")
    return key


APPLICANT_NAMES = {
    **{fold(label): key for key, label in APPLICANT_TYPES},
    **{fold(f"法人或其他组织{label}"): key for key, label in APPLICANT_TYPES[1:]},
    **{fold(f"法人或其他组织-{label}"): key for key, label in APPLICANT_TYPES[1:]},
    "公民": "natural",
    "个人": "natural",
    "企业": "business",
    "公司": "business",
    "科研院所": "research",
    "公益组织": "welfare",
    "律师事务所": "legal",
    "律所": "legal",
    "其他组织": "other_org",
}
APPLICANT_HINT = "应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他"


def parse_applicant_type(text: str) -> str:
    return _lookup(text, APPLICANT_NAMES, "申请人类型", APPLICANT_HINT)


CHANNEL_NAMES = {
    **dict.fromkeys(("当面", "当面提交", "当面申请", "现场", "现场提交", "现场申请", "面交"), "in_person"),
    **dict.fromkeys(("邮寄", "邮寄提交", "邮寄申请", "信函", "邮政", "挂号信", "快递", "EMS"), "post"),
    **dict.fromkeys(
        ("网络", "网络提交", "网络申请", "网上", "网上申请", "在线", "在线申请", "互联网", "网站", "电子邮件", "邮箱"),
        "online",
    ),
    **dict.fromkeys(("传真", "传真提交", "传真申请"), "fax"),
}


def parse_channel(text: str) -> str:
    return _lookup(text, CHANNEL_NAMES, "提交方式", "应为当面、邮寄、网络或传真")


KIND_NAMES = {
    **{fold(label): key for key, label, _ in APPEAL_KINDS},
    **{fold(short): key for key, _, short in APPEAL_KINDS if short},
    "复议": "review",
    "直接起诉": "direct",
    "行政诉讼": "direct",
    "复议后诉讼": "after",
}
RESULT_NAMES = {
    **{fold(label): key for key, label in APPEAL_RESULTS},
    "维持": "upheld",
    "纠正": "corrected",
    "其他": "other",
    "未审结": "pending",
    "审理中": "pending",
}
SEPARATORS = re.compile(r"[、；;，,/\n]+")


def parse_appeals(kinds_text: str, results_text: str) -> list[tuple[str, str]]:
    """(kind, result) pairs: one each, or several separated by 、 or ； with their results in order
    (a result left empty is 尚未审结)."""
    kinds = [k for k in SEPARATORS.split(unicodedata.normalize("NFKC", kinds_text or "").strip()) if k.strip()]
    results = [r for r in SEPARATORS.split(unicodedata.normalize("NFKC", results_text or "").strip()) if r.strip()]
    if not kinds:
        if results:
            raise NameProblem("填写了复议诉讼结果，但没有填写复议诉讼")
        return []
    if len(results) > len(kinds):
        raise NameProblem(f"复议诉讼{len(kinds)}项，结果却有{len(results)}项")
    pairs = []
    for index, kind in enumerate(kinds):
        kind_key = _lookup(kind, KIND_NAMES, "复议诉讼", "应为行政复议、未经复议直接起诉或复议后起诉")
        result = results[index] if index < len(results) else "尚未审结"
        pairs.append(
            (kind_key, _lookup(result, RESULT_NAMES, "复议诉讼结果", "应为结果维持、结果纠正、其他结果或尚未审结"))
        )
    return pairs


YES = {"是", "延期", "已延期", "√", "✓", "Y", "YES", "1", "1次", "一次", "有"}
NO = {"", "否", "无", "不", "未延期", "N", "NO", "0", "×"}
SECOND = re.compile(r"(?<!\d)(?:[2-9]|[二两三四五六七八九])次|再次|第[二三四五六七八九2-9]次")
DAYS = re.compile(r"^(?:延期|延长)?(\d{1,3})(?:个)?(?:工作日|天|日)?$")
ONCE = "答复期限只能延长一次（条例第三十三条）"


def parse_extension(text: str) -> int | None:
    """The working days of the one extension (是 → 20), ``None`` without; a second extension or
    more than 20 working days is refused."""
    folded = fold(text).upper()
    if folded in NO:
        return None
    if folded in YES:
        return MAX_EXTENSION_DAYS
    if SECOND.search(folded) or folded.count("是") > 1 or folded.count("延期") > 1:
        raise NameProblem(f"“{text}”：{ONCE}，不能第二次延期")
    match = DAYS.match(folded)
    if match:
        days = int(match.group(1))
        if folded.isdigit() and 2 <= days <= 9:
            raise NameProblem(f"“{text}”：{ONCE}；如指延长的工作日数，请写“{days}个工作日”")
        if not 1 <= days <= MAX_EXTENSION_DAYS:
            raise NameProblem(f"“{text}”：延长的期限最长不得超过{MAX_EXTENSION_DAYS}个工作日（条例第三十三条）")
        return days
    if folded.startswith("是") and DAYS.match(re.sub(r"^是[,，(（:：]?", "", folded).rstrip(")）")):
        return parse_extension(re.sub(r"^是[,，(（:：]?", "", folded).rstrip(")）"))
    raise NameProblem(f"无法识别“{text}”，延期应填“是”或留空（或延长的工作日数，如“15个工作日”）")
