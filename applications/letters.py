"""The reply letter (政府信息公开申请答复告知书) drafted from an application's outcome: for each row of
table 三 its standard wording and the articles of the 条例 it rests on. The staff edit the draft;
blanks to fill in are marked ＿＿."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from core.formatting import format_cn_date
from units.names import organ_name

from .models import Application

TITLE = "政府信息公开申请答复告知书"
BLANK = "＿＿"
LAW = "《中华人民共和国政府信息公开条例》（以下简称《条例》）"
REVIEW_BODY = "临淄区人民政府"

WORDING: dict[str, tuple[str, str]] = {
    "granted": (
        "第三十六条第（二）项",
        f"经审查，{{you}}申请获取的政府信息属于公开范围，本机关决定予以公开。现将该政府信息随本告知书一并提供"
        f"（或：请于{BLANK}通过{BLANK}获取）。如该信息已经主动公开，可通过{BLANK}获取（《条例》第三十六条第（一）项）。",
    ),
    "partly": (
        "第三十六条第（三）项、第三十七条",
        f"经审查，{{you}}申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。"
        f"本机关向{{you}}提供可以公开的部分，随本告知书一并提供；对不予公开的部分，理由是：{BLANK}。",
    ),
    "refused_1": (
        "第十四条、第三十六条第（三）项",
        "经审查，{you}申请获取的政府信息已依法确定为国家秘密，本机关决定不予公开。",
    ),
    "refused_2": (
        "第十四条、第三十六条第（三）项",
        f"经审查，{{you}}申请获取的政府信息属于法律、行政法规禁止公开的信息（依据：{BLANK}），本机关决定不予公开。",
    ),
    "refused_3": (
        "第十四条、第三十六条第（三）项",
        "经审查，{you}申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。",
    ),
    "refused_4": (
        "第十五条、第三十二条、第三十六条第（三）项",
        "经审查，{you}申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。"
        "本机关已书面征求第三方意见，第三方不同意公开，本机关决定不予公开。",
    ),
    "refused_5": (
        "第十六条第一款、第三十六条第（三）项",
        "经审查，{you}申请获取的政府信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等），"
        "本机关决定不予公开。",
    ),
    "refused_6": (
        "第十六条第二款、第三十六条第（三）项",
        "经审查，{you}申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、"
        "请示报告等过程性信息，本机关决定不予公开。",
    ),
    "refused_7": (
        "第十六条第二款、第三十六条第（三）项",
        "经审查，{you}申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。",
    ),
    "refused_8": (
        "第三十六条第（七）项",
        f"经审查，{{you}}申请获取的信息属于{BLANK}等登记资料，有关法律、行政法规对信息的获取有特别规定，"
        f"请依照{BLANK}的规定办理。",
    ),
    "unable_1": (
        "第三十六条第（四）项、第（五）项",
        f"经检索，本机关没有制作或者获取{{you}}申请获取的政府信息，该政府信息不存在。"
        f"（能够确定负责公开的机关的：该政府信息由{BLANK}负责公开，联系方式：{BLANK}。）",
    ),
    "unable_2": (
        "第三十八条",
        "经审查，本机关没有{you}申请获取的现成信息，需要对现有政府信息进行加工、分析才能形成，本机关不予提供。",
    ),
    "unable_3": (
        "第三十条",
        "本机关已告知{you}补正，补正后的申请内容仍不明确，无法确定{you}申请获取的政府信息，本机关无法提供。",
    ),
    "not_processed_1": (
        "第三十九条第一款",
        f"经审查，{{you}}以政府信息公开申请的形式提出的是信访、投诉、举报等事项，本机关不作为政府信息公开申请处理，"
        f"{{you}}可以通过{BLANK}提出。",
    ),
    "not_processed_2": (
        "第三十六条第（六）项",
        f"经查，本机关已于{BLANK}就{{you}}申请公开的相同政府信息作出答复，本次申请不予重复处理。",
    ),
    "not_processed_3": (
        "第三十九条第二款",
        f"经审查，{{you}}申请获取的是政府公报、报刊、书籍等公开出版物，可通过{BLANK}获取。",
    ),
    "not_processed_4": (
        "第三十五条",
        "{you}申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，申请理由不合理，本机关不予处理。",
    ),
    "not_processed_5": (
        "第三十八条",
        "{you}要求本机关确认或者重新出具{you}已获取的信息，不属于提供已制作或者获取的政府信息，本机关不予处理。",
    ),
    "other_1": (
        "第三十条",
        "本机关已告知{you}补正，{you}无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    "other_2": (
        "第四十二条",
        f"本机关已于{BLANK}向{{you}}发出收费通知，{{you}}逾期未按通知要求缴纳信息处理费"
        "（《政府信息公开信息处理费管理办法》），本机关不再处理该政府信息公开申请。",
    ),
    "other_3": ("第三十六条", f"经审查，{BLANK}。"),
}


def legal_basis(outcome: str) -> str:
    """``《条例》第十五条、第三十二条、第三十六条第（三）项`` for the outcome's key."""
    return f"《条例》{WORDING[outcome][0]}"


@dataclass(frozen=True)
class LetterDraft:
    title: str
    addressee: str
    body: str
    signature: str
    date: datetime.date


def _you(application: Application) -> str:
    return "您" if application.applicant_type == Application.ApplicantType.natural else "贵单位"


def _facts(application: Application, you: str) -> str:
    asked = re.sub(r"\s*[\r\n]+\s*", "", application.content.strip())  # one paragraph: the request's lines joined
    text = f"本机关于{format_cn_date(application.received_on)}收到{you}提出的政府信息公开申请，申请获取“{asked}”。"
    if application.correction_requested_on:
        text += f"因申请内容不明确，本机关于{format_cn_date(application.correction_requested_on)}告知{you}补正"
        text += (
            f"，于{format_cn_date(application.corrected_on)}收到补正后的申请。" if application.corrected_on else "。"
        )
    if application.consultations.exists():
        text += f"因需征求第三方或其他机关意见，根据{LAW}第三十三条第二款，征求意见所需时间不计算在答复期限内。"
    if application.extension_days and application.extension_notified_on:
        text += (
            f"经本机关政府信息公开工作机构负责人同意，本机关于{format_cn_date(application.extension_notified_on)}"
            f"告知{you}延长答复期限{application.extension_days}个工作日。"
        )
    return text


def draft_letter(application: Application, *, today: datetime.date) -> LetterDraft:
    """The letter for ``application``'s outcome (a generic answer while it has none)."""
    you = _you(application)
    articles, wording = WORDING.get(application.outcome, ("第三十六条", f"经审查，{BLANK}。"))
    facts = _facts(application, you)  # the 条例's full name where it is first cited, 《条例》 after
    paragraphs = [
        facts + f"现根据{'《条例》' if LAW in facts else LAW}{articles}的规定，答复如下：",
        wording.format(you=you),
        f"如对本答复不服，可以自收到本告知书之日起60日内向{REVIEW_BODY}申请行政复议，"
        "或者自收到本告知书之日起6个月内依法向人民法院提起行政诉讼。",
        "特此告知。",
    ]
    return LetterDraft(
        title=TITLE,
        addressee=application.applicant_name or BLANK,
        body="\n".join(paragraphs),
        signature=organ_name(application.unit.name),
        date=application.answered_on or today,
    )
