"""The writers of the mixed load run (bench/bench_load.py): people saving through the real pages.

Each kind of write logs in through the login form once (CSRF cookie and token, as a browser does),
then for every write opens the page with the form (GET), changes what a person would change and
submits the form as the browser would submit it (POST, all its fields, the CSRF token):

- ``grid``: one unit's publication figure in the month grid (the whole page of 100 rows is posted;
  the units are taken in turn, so two writes never meet on one row);
- ``article``: an article registered for a unit that records its articles one by one;
- ``ledger``: a measure (工作举措) added to the unit's ledger of the year's work plan;
- ``annual_report``: one cell of the unit's annual report changed and saved.

A write is timed from sending the POST to its answer. It is an error when the connection fails or
times out, or when the page answers with the form again instead of the redirect of a saved form;
``non_2xx`` counts answers with a status of 400 or more. Writes are started at a fixed rate
(``rate`` per second, the kinds in turn) by a scheduler, each in a thread of its own, so a slow
answer never holds back the next write.
"""

from __future__ import annotations

import http.cookiejar
import itertools
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser

KINDS = ("grid", "article", "ledger", "annual_report")
LEDGER_MEASURE = "按季度公开进展"
"""The measures the writers add (the ledger page answers every add with a redirect, so the bench
counts them in the database afterwards)."""
TIMEOUT = 30


class _Forms(HTMLParser):
    """Every form of a page: its action and the fields a browser would submit as they are (also
    those outside it that name it with ``form="…"``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._elsewhere: list[tuple[str, str, str]] = []  # (form id, name, value) of form="…" fields
        self._select: tuple[dict, str] | None = None
        self._textarea: tuple[dict, str] | None = None

    def _target(self, attrs: dict) -> dict | None:
        """The fields a field belongs to: its own form's, or a stand-in for the form it names."""
        if attrs.get("form"):
            holder = {"id": attrs["form"], "fields": {}, "readonly": set()}
            self._elsewhere.append(holder)
            return holder
        return self._form

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self._form = {
                "action": attrs.get("action") or "",
                "id": attrs.get("id") or "",
                "fields": {},
                "readonly": set(),
            }
            self.forms.append(self._form)
            return
        if tag == "option":
            if self._select and ("selected" in attrs or self._select[1] not in self._select[0]["fields"]):
                self._select[0]["fields"][self._select[1]] = attrs.get("value") or ""
            return
        target = self._target(attrs) if name else None
        if target is None:
            return
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file") and "disabled" not in attrs:
                target["fields"][name] = attrs.get("value") or ""
                if "readonly" in attrs:
                    target["readonly"].add(name)
        elif tag == "textarea":
            self._textarea = (target, name)
            target["fields"][name] = ""
        elif tag == "select":
            self._select = (target, name)

    def handle_data(self, data):
        if self._textarea:
            target, name = self._textarea
            target["fields"][name] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def close(self):
        super().close()
        by_id = {form["id"]: form for form in self.forms if form["id"]}
        for holder in self._elsewhere:
            if holder["id"] in by_id:
                by_id[holder["id"]]["fields"].update(holder["fields"])
                by_id[holder["id"]]["readonly"] |= holder["readonly"]


def forms_of(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    parser.close()
    return parser.forms


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """A browser's session with the site: cookies kept, redirects answered but not followed."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as answer:  # redirects (not followed) and errors
            return answer.code, answer.read().decode("utf-8", "replace")

    def form(self, path: str, pick=lambda form: "csrfmiddlewaretoken" in form["fields"]) -> dict:
        status, html = self.request(path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        return next(form for form in forms_of(html) if pick(form))

    def login(self, username: str, password: str) -> None:
        fields = self.form("/accounts/login/")["fields"]
        status, _ = self.request("/accounts/login/", {**fields, "username": username, "password": password})
        if status != 302:
            raise RuntimeError(f"{username} could not log in ({status})")


@dataclass
class Plan:
    """What the writers write to (ids in the bench database)."""

    year: int
    month: int
    article_units: list[int]
    """Units whose articles are registered one by one (no monthly tally)."""
    writer_unit: int
    """The unit of the unit account that fills the ledger and the annual report."""
    task: int
    staff: tuple[str, str]
    unit_user: tuple[str, str]


@dataclass
class Outcome:
    kind: str
    seconds: float
    status: int
    error: str = ""


@dataclass
class Writers:
    plan: Plan
    base: str
    outcomes: list[Outcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.office, self.unit = Session(self.base), Session(self.base)
        self.office.login(*self.plan.staff)
        self.unit.login(*self.plan.unit_user)
        grid = self.office.form(self._grid_path, lambda form: form["id"] == "grid-form")["fields"]
        self.grid_rows = itertools.cycle(sorted(int(n[1:-4]) for n in grid if re.fullmatch(r"u\d+-pub", n)))
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    def _post(self, kind: str, session: Session, path: str, data: dict, saved=lambda status: status == 302) -> None:
        started = time.perf_counter()
        try:
            status, _ = session.request(path, data)
        except OSError as exc:
            self._record(Outcome(kind, time.perf_counter() - started, 0, f"{type(exc).__name__}: {exc}"))
            return
        error = "" if saved(status) else f"not saved ({status})"
        self._record(Outcome(kind, time.perf_counter() - started, status, error))

    def _record(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)

    @property
    def _grid_path(self) -> str:
        return f"/data/grid/{self.plan.year}/{self.plan.month}/"

    def grid(self) -> None:
        path = self._grid_path
        with self.lock:
            unit = next(self.grid_rows)
        fields = self.office.form(path, lambda form: form["id"] == "grid-form")["fields"]
        current = int(fields.get(f"u{unit}-pub") or 0)
        fields[f"u{unit}-pub"] = str(current + 1 if current < 20 else current - 1)
        self._post("grid", self.office, path, fields)

    def article(self) -> None:
        fields = self.office.form("/data/articles/add/")["fields"]
        number = next(self.counter)
        fields.update(
            unit=str(random.choice(self.plan.article_units)),
            title=f"压力测试稿件{number}",
            received_on=f"{self.plan.year}-{self.plan.month:02d}-{random.randint(1, 28):02d}",
            char_count="800",
            is_compliant="1",
        )
        self._post("article", self.office, "/data/articles/add/", fields)

    def ledger(self) -> None:
        """The ledger page is one form; the task's 添加 button posts it to the task's address."""
        path = f"/workplans/{self.plan.year}/ledgers/{self.plan.writer_unit}/"
        fields = self.unit.form(path, lambda form: form["id"] == "ledger-form")["fields"]
        prefix = f"t{self.plan.task}-"
        fields[f"{prefix}measure"] = f"{LEDGER_MEASURE}（第{next(self.counter)}条）"
        fields[f"{prefix}time_limit"] = "每季度末"
        self._post("ledger", self.unit, f"/workplans/tasks/{self.plan.task}/ledger-rows/new/", fields)

    def annual_report(self) -> None:
        path = f"/annual/{self.plan.year}/units/{self.plan.writer_unit}/"
        form = self.unit.form(path, lambda form: any(name.startswith("cell:") for name in form["fields"]))
        fields = form["fields"]
        cells = sorted(name for name in fields if name.startswith("cell:") and name not in form["readonly"])
        fields[random.choice(cells)] = str(random.randint(0, 50))
        fields["action"] = "save"
        self._post("annual_report", self.unit, path, fields)

    def write(self, kind: str) -> None:
        try:
            getattr(self, kind)()
        except Exception as exc:  # a form that could not even be opened: an error of this write
            self._record(Outcome(kind, 0.0, 0, f"{type(exc).__name__}: {exc}"))

    def run(self, seconds: float, rate: float) -> None:
        """Start ``rate`` writes a second for ``seconds``, the kinds in turn; wait for the last."""
        kinds = itertools.cycle(KINDS)
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=16) as pool:
            for number in itertools.count():
                due = started + number / rate
                if due - started >= seconds:
                    break
                time.sleep(max(0.0, due - time.monotonic()))
                pool.submit(self.write, next(kinds))


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def summary(outcomes: list[Outcome]) -> dict:
    times = [o.seconds * 1000 for o in outcomes if o.status]
    return {
        "writes": len(outcomes),
        "p50_ms": round(percentile(times, 0.50), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times, default=0.0), 1),
        "errors": sum(1 for o in outcomes if o.error),
        "non_2xx": sum(1 for o in outcomes if o.status >= 400),
        "error_samples": sorted({o.error for o in outcomes if o.error})[:5],
    }


def report(outcomes: list[Outcome], seconds: float) -> dict:
    """Figures of all writes, and of each kind."""
    figures = summary(outcomes)
    figures["writes_per_second"] = round(len(outcomes) / seconds, 2)
    figures["kinds"] = {kind: summary([o for o in outcomes if o.kind == kind]) for kind in KINDS}
    return figures
