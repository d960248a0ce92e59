"""Every page, for every role, passes the content security policy and is not cached.

Walks the same role × URL matrix as ``test_url_matrix``: each HTML page answered with 200 carries
the policy (scripts, styles, fonts and pictures from this site only), and its markup has nothing the
policy would block: no inline ``<script>``, no ``on…=`` handler, no ``javascript:`` link, no
``style=`` attribute, no asset from another host. A logged-in person's pages say ``no-store``.
"""

import re

import pytest
from django.urls import reverse

from tests.access import ROLES
from tests.web.test_url_matrix import matrix, world  # noqa: F401 (the fixture)

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def policy_of(response) -> dict[str, str]:
    """The directives of the response's policy header (django-csp does not keep their order)."""
    header = response.get("Content-Security-Policy", "")
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


# Data blocks (``json_script``, type="application/json") are never run and the policy allows them.
INLINE_SCRIPT = re.compile(r"""<script(?![^>]*\b(?:src=|type=["']application/json))[^>]*>""", re.I)
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.I)
STYLE_ATTR = re.compile(r"<[^>]+\sstyle\s*=", re.I)
# Resources must be local; a link a person follows to another site (a unit's column page, opened
# with rel="noopener noreferrer") is not a resource.
FOREIGN = re.compile(r"""(?:\bsrc|<(?!a\s)[a-z]+\s[^>]*\bhref)\s*=\s*["'](?:https?:)?//""", re.I)


def problems_of(html: str) -> list[str]:
    found = []
    for name, pattern in [
        ("内联脚本", INLINE_SCRIPT),
        ("事件属性", HANDLER),
        ("javascript:链接", JS_URL),
        ("style属性", STYLE_ATTR),
        ("外部资源", FOREIGN),
    ]:
        found += [f"{name}：{match.group(0)[:80]}" for match in pattern.finditer(html)]
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_the_policy_and_is_not_cached_when_logged_in(client, world, role):  # noqa: F811
    if role != "anonymous":
        client.force_login(getattr(world, role))
    failures = []
    pages = 0
    for name, cases in sorted(matrix().items()):
        for case in cases:
            url = reverse(name, kwargs=case.kwargs(world)) + case.query
            response = client.get(url)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            pages += 1
            if policy_of(response) != POLICY:
                failures.append(f"{url}：缺少内容安全策略")
            if role != "anonymous" and response.get("Cache-Control") != "no-store":
                failures.append(f"{url}：Cache-Control为{response.get('Cache-Control')}")
            failures += [f"{url}：{problem}" for problem in problems_of(response.content.decode())]
    assert failures == []
    assert pages >= {"anonymous": 0, "unit_user": 14, "office_staff": 39, "office_admin": 39}[role]


def test_the_login_page_passes_the_policy(client):
    response = client.get("/accounts/login/")
    assert policy_of(response) == POLICY
    assert problems_of(response.content.decode()) == []


def test_the_checks_find_what_the_policy_would_block():
    html = (
        '<script>alert(1)</script><button onclick="x()"></button><a href="javascript:void(0)"></a>'
        '<div style="color:red"></div><script src="https://cdn.example/x.js"></script><script src="/static/a.js"></script>'
        '<script id="d" type="application/json">{}</script>'
        '<a href="http://www.linzi.gov.cn/zcwj/" rel="noopener noreferrer">栏目</a>'
    )
    assert [problem.split("：")[0] for problem in problems_of(html)] == [
        "内联脚本", "事件属性", "javascript:链接", "style属性", "外部资源",
    ]  # fmt: skip
