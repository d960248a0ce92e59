from tests.access import Access
from tests.factories import NoticeFactory


def setup(world):
    notice = NoticeFactory()
    world.extra["notice"] = notice


def _notice(world):
    return {"pk": world.extra["notice"].pk}


ACCESS = {
    "reports:notices": Access(unit_user=200),
    "reports:notice_create": Access(unit_user=403, office_staff=405, office_admin=405),
    "reports:notice_edit": Access(kwargs=_notice),
    # Made by a background job: the request goes to the job's page.
    "reports:notice_draft_file": Access(
        kwargs=lambda w: {**_notice(w), "fmt": "xlsx"}, office_staff=302, office_admin=302
    ),
    "reports:notice_issue": Access(kwargs=_notice, unit_user=403, office_staff=405, office_admin=405),
    # Not issued yet: a unit sees nothing of it, the office finds no such issue.
    "reports:issued_file": Access(
        kwargs=lambda w: {**_notice(w), "number": 1, "fmt": "pdf"}, unit_user=404, office_staff=404, office_admin=404
    ),
}
