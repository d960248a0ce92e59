"""Every admin page in Chromium, as the office admin sees it once the scripts have run: the index,
each app, and for every model its list, add page, and for one record its change, history and
delete confirmation pages. A console error (a content-security-policy violation included), a
script error or English on the page (the selector widgets' texts come from the JavaScript
catalog) fails the test."""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from tests.admin_pages import english_in, permissions_of, registered_models
from tests.factories import (
    ArticleFactory,
    DeductionFactory,
    DemoSitePeriodFactory,
    FindingFactory,
    FindingTransitionFactory,
    PublicationFactory,
    TallyFactory,
    UnitAliasFactory,
    UnitFactory,
)
from tests.workplans.helpers import make_plan, make_task
from units.models import User
from workplans.models import Ledger, LedgerTransition

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Data, not wording: the accounts' names (the header shows them in capitals), the login paths,
# axes's <unknown> for a missing value (and the browsers' names, taken from Chromium's own).
NAMES = {"root", "renshe", "Mozilla", "accounts", "admin", "login", "unknown"}

# What the page says in words, once its scripts have run: the text shown, and the tips and
# placeholders of its controls (the selector's buttons carry their texts there too).
PAGE_WORDS = """() => {
    const words = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
        if (el.offsetParent === null) continue;
        words.push(el.getAttribute('title') || '', el.getAttribute('placeholder') || '', el.getAttribute('aria-label') || '');
    }
    return words.join('\\n');
}"""


def one_of_each(root: User) -> None:
    """A record of every model the admin shows."""
    call_command("install_schedule", stdout=io.StringIO())  # tasks, a crontab, an interval
    unit = UnitFactory(name="区人社局", sort_order=1)
    UnitAliasFactory(unit=unit, name="区人力资源和社会保障局")
    DemoSitePeriodFactory(unit=unit, start=datetime.date(2024, 1, 1))
    User.objects.create_user("renshe", password="unit-pass-2025", role=User.Role.UNIT_USER, unit=unit)
    Group.objects.create(name="统计员")
    PublicationFactory(unit=unit, year=2024, month=10, count=12)
    TallyFactory(unit=unit, year=2024, month=10, submitted=1)
    ArticleFactory(unit=unit)
    finding = FindingFactory(unit=unit)
    FindingTransitionFactory(finding=finding)
    DeductionFactory(unit=unit, year=2024, quarter=4, reason="网站存在错别字", points=Decimal("0.5"))
    plan = make_plan(2024)
    make_task(plan, 1, [unit], party="有关职能部门")
    ledger = Ledger.objects.create(plan=plan, unit=unit)
    LedgerTransition.objects.create(ledger=ledger, from_status="draft", to_status="submitted", by=root)
    common = {"user_agent": "Mozilla/5.0", "ip_address": "10.0.0.8", "username": "renshe", "http_accept": "*/*"}
    AccessAttempt.objects.create(
        **common, path_info="/accounts/login/", get_data="", post_data="", failures_since_start=5
    )
    AccessFailureLog.objects.create(**common, path_info="/accounts/login/", locked_out=True)
    AccessLog.objects.create(**common, path_info="/accounts/login/")


def admin_pages(root: User) -> list[str]:
    pages = [
        reverse("admin:index"),
        reverse("admin:password_change"),
        reverse("admin:auth_user_password_change", args=[root.pk]),
    ]
    for model in registered_models():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        allowed = permissions_of(model, root)
        pages += [reverse("admin:app_list", args=[model._meta.app_label]), reverse(f"{info}_changelist")]
        if allowed["add"]:
            pages.append(reverse(f"{info}_add"))
        record = model._default_manager.order_by("pk").first()
        assert record is not None, f"没有{model._meta.verbose_name}可供检查"
        pages += [reverse(f"{info}_change", args=[record.pk]), reverse(f"{info}_history", args=[record.pk])]
        if allowed["delete"]:
            pages.append(reverse(f"{info}_delete", args=[record.pk]))
    return list(dict.fromkeys(pages))


def console_error(message) -> bool:
    """An error on the console (the browser's own request for /favicon.ico included: the site serves one)."""
    return message.type == "error"


def test_every_admin_page_in_chromium_without_a_console_error_or_english(page):
    root = User.objects.create_superuser("root", password="root-pass-2025", role=User.Role.OFFICE_ADMIN)
    one_of_each(root)
    problems: list[str] = []
    current = {"url": ""}
    page.on("console", lambda m: console_error(m) and problems.append(f"{current['url']}：{m.text}"))
    page.on("pageerror", lambda error: problems.append(f"{current['url']}：脚本错误 {error}"))
    page.goto("/admin/login/")
    page.get_by_label("用户名").fill("root")
    page.get_by_label("密码").fill("root-pass-2025")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/admin/")

    names = NAMES | set(re.findall(r"[A-Za-z]+", page.evaluate("navigator.userAgent")))
    pages = admin_pages(root)
    for url in pages:
        current["url"] = url
        response = page.goto(url, wait_until="load")
        if response.status != 200:
            problems.append(f"{url}：HTTP {response.status}")
            continue
        english = english_in(page.evaluate(PAGE_WORDS), names=names)
        if english:
            problems.append(f"{url}：英文 {sorted(english)}")

    assert problems == []
    assert len(pages) >= 80
