"""The admin entirely in Chinese, django-axes pages included (locale/zh_Hans fills what Django,
django-axes and django-simple-history leave in English); points as the office prints them (0.5,
not 0.50); history changes and permissions named in Chinese."""

import ast
import gettext
import html as htmllib
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from core.models import stamp_history
from tests.admin_pages import english_in, registered_models
from tests.factories import DeductionFactory, UnitAliasFactory, UnitFactory, UserFactory
from units.models import User

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"


@pytest.fixture
def root(db):
    return User.objects.create_superuser("root", password="x", role=User.Role.OFFICE_ADMIN, display_name="管理员")


@pytest.fixture
def records(root):
    call_command("install_schedule", stdout=io.StringIO())  # the scheduled jobs (django-celery-beat)
    unit = UnitFactory(name="区人社局", sort_order=1)
    UnitAliasFactory(unit=unit, name="区人力资源和社会保障局")
    unit.is_assessed = False
    stamp_history(unit, acting_user=root, reason="不再考核")
    unit.save()
    UserFactory(username="renshe", role=User.Role.UNIT_USER, unit=unit)
    DeductionFactory(unit=unit, year=2024, quarter=4, reason="网站存在错别字", points=Decimal("0.5"))
    common = {"user_agent": "Mozilla/5.0", "ip_address": "10.0.0.8", "username": "renshe", "http_accept": "*/*"}
    AccessAttempt.objects.create(
        **common, path_info="/accounts/login/", get_data="", post_data="", failures_since_start=5
    )
    AccessFailureLog.objects.create(**common, path_info="/accounts/login/", locked_out=True)
    AccessLog.objects.create(**common, path_info="/accounts/login/")
    return unit


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    # A scheduled job's arguments are data ({"day_of_month": 20}), not wording.
    page = re.sub(r'<textarea name="kwargs".*?</textarea>', " ", page, flags=re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page))


def english_words(page: str, *, names: set[str]) -> set[str]:
    return english_in(visible_text(page), names=names)


def admin_urls() -> list[str]:
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for model in registered_models():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [
            reverse(f"{info}_changelist"),
            reverse(f"{info}_add"),
            reverse("admin:app_list", args=[model._meta.app_label]),
        ]
        obj = model._default_manager.first()
        if obj is not None:
            urls += [reverse(f"{info}_change", args=[obj.pk]), reverse(f"{info}_history", args=[obj.pk])]
    return list(dict.fromkeys(urls))


def test_no_english_on_any_admin_page(client, root, records):
    client.force_login(root)
    # Data, not wording: user names, a browser's name, a path, axes' <unknown> for a missing value.
    names = {"root", "renshe", "Mozilla", "accounts", "login", "unknown"}
    found = {}
    pages = 0
    for url in admin_urls():
        response = client.get(url)
        if response.status_code != 200:
            continue
        pages += 1
        for word in english_words(response.content.decode(), names=names):
            found.setdefault(word, url)
    assert found == {}
    assert pages >= 40


def test_the_scheduled_jobs_pages(client, root, records):
    from bootstrap.schedule.models import Crontab, ScheduledTask

    client.force_login(root)
    task = ScheduledTask.objects.get(name="提醒：本月尚无合格稿件")
    crontab = Crontab.objects.get(minute="0", hour="9")

    listing = client.get(reverse("admin:schedule_crontab_changelist")).content.decode()
    tasks = client.get(reverse("admin:schedule_scheduledtask_changelist")).content.decode()
    form = client.get(reverse("admin:schedule_scheduledtask_change", args=[task.pk])).content.decode()
    crontab_form = client.get(reverse("admin:schedule_crontab_change", args=[crontab.pk])).content.decode()

    assert str(crontab) == "0 9 * * *（在 09:00（北京时间））"
    assert '<td class="field-description">在 09:00（北京时间）</td>' in listing
    assert '<td class="field-task_name">提醒：本月尚无合格稿件</td><td class="field-enabled">' in tasks
    assert '<td class="field-when">在 09:00（北京时间）</td>' in tasks
    assert ">执行的任务：</label>" in form
    assert '<option value="submissions.tasks.remind_articles" selected>提醒：本月尚无合格稿件</option>' in form
    assert f'<option value="{crontab.pk}" selected>0 9 * * *（在 09:00（北京时间））</option>' in form
    assert re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', crontab_form.split('name="timezone"')[1]) == [
        ("Asia/Shanghai", "北京时间"),
        ("UTC", "协调世界时"),
    ]
    assert '<option value="Asia/Shanghai" selected>' in crontab_form


def test_the_login_records_pages(client, root, records):
    from units.logins.models import Login

    client.force_login(root)

    index = client.get(reverse("admin:index")).content.decode()
    attempts = client.get(reverse("admin:logins_loginattempt_changelist")).content.decode()
    log = Login.objects.get(username="renshe")  # (logging in wrote root's)
    change = client.get(reverse("admin:logins_login_change", args=[log.pk])).content.decode()

    assert "登录安全" in index
    assert [t in index for t in ("登录失败计数", "登录失败记录", "登录记录")] == [True, True, True]
    assert '<th scope="col" class="sortable column-failures_since_start">' in attempts
    assert "连续失败次数" in attempts and "浏览器标识" in attempts
    assert str(log).startswith("renshe 登录（")
    assert f"<h2>{log}</h2>" in change
    assert "请求信息" in change


def test_the_password_in_words(client, root, records):
    client.force_login(root)

    change = client.get(reverse("admin:units_user_change", args=[root.pk])).content.decode()
    add = client.get(reverse("admin:units_user_add")).content.decode()

    assert (
        '<div id="id_password"><p>已设置密码（加密保存，任何人都无法查看原密码）</p>'
        '<p><a class="button" href="../password/">重置密码</a></p></div>'
    ) in change
    assert "选择“禁用”后，该账号不能用密码登录。" in add


def test_points_as_the_office_prints_them(client, root, records):
    client.force_login(root)
    deduction = records.deductions.get()

    listing = client.get(reverse("admin:inspections_deduction_changelist")).content.decode()
    detail = client.get(reverse("admin:inspections_deduction_change", args=[deduction.pk])).content.decode()
    rules = client.get(reverse("admin:scoring_ruleset_changelist")).content.decode()
    rule_form = client.get(reverse("admin:scoring_ruleset_change", args=[_first_rule_set_pk()])).content.decode()

    assert '<td class="field-points_points">0.5</td>' in listing
    assert "0.50" not in listing
    assert '<div class="readonly">0.5</div>' in detail
    assert '<td class="field-points_per_item_points">0.5</td>' in rules
    assert '<td class="field-no_submission_points_points">1</td>' in rules
    assert 'name="points_per_item" value="0.5"' in rule_form
    assert 'name="quarterly_publication_cap" value="15"' in rule_form


def _first_rule_set_pk() -> int:
    from scoring.models import RuleSet

    return RuleSet.objects.order_by("valid_from").first().pk


def test_history_changes_in_chinese(client, root, records):
    client.force_login(root)

    page = client.get(reverse("admin:units_unit_history", args=[records.pk])).content.decode()

    text = " ".join(visible_text(page).split())
    assert '<th scope="col">修改内容</th>' in page
    assert "参加考核： 是 → 否" in text
    assert "不再考核" in text


def test_permissions_named_in_chinese(client, root, records):
    client.force_login(root)

    page = client.get(reverse("admin:units_user_change", args=[root.pk])).content.decode()
    group = client.get(reverse("admin:auth_group_add")).content.decode()

    for html in (page, group):
        options = re.findall(r"<option[^>]*>([^<]*)</option>", html)
        assert "单位与账号｜单位｜可以修改" in options
        assert "登录安全｜登录记录｜可以查看" in options
        assert "认证和授权｜组｜可以添加" in options
        assert [o for o in options if "Can " in o or "historical" in o or "历史" in o] == []


def test_every_form_label_ends_with_the_chinese_colon_in_the_admin(client, root, records):
    client.force_login(root)

    page = client.get(reverse("admin:units_unit_change", args=[records.pk])).content.decode()

    assert '<label class="required" for="id_name">单位名称：</label>' in page
    assert '<label class="vCheckboxLabel" for="id_is_assessed">参加考核</label>' in page  # a check box's own label


def po_entries(path: Path) -> list[tuple[str | None, str, str]]:
    """(context, msgid, msgstr) of a .po written one line a field (as ours are)."""
    entries, context, msgid = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgctxt "):
            context = ast.literal_eval(line[len("msgctxt ") :])
        elif line.startswith("msgid "):
            msgid = ast.literal_eval(line[len("msgid ") :])
        elif line.startswith("msgstr ") and msgid:
            entries.append((context, msgid, ast.literal_eval(line[len("msgstr ") :])))
            context = msgid = None
    return entries


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_compiled_translations_match_their_source(domain):
    with (LOCALE / f"{domain}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    entries = po_entries(LOCALE / f"{domain}.po")

    served = [(c, i, compiled.pgettext(c, i) if c else compiled.gettext(i)) for c, i, _ in entries]

    assert served == entries
    assert len(entries) >= {"django": 30, "djangojs": 19}[domain]


def test_the_admin_scripts_get_the_chinese_of_the_selector_and_the_calendar(client, root):
    client.force_login(root)

    catalog = client.get(reverse("admin:jsi18n")).content.decode()

    for text in ("选择全部%s", "移除全部%s", "添加选中的%s", "移除选中的%s", "（点击清除）", "全部移除"):
        assert json.dumps(text) in catalog
    assert '"one letter Monday\\u0004M": "\\u4e00"' in catalog  # 一
