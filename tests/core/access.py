"""Who may open the pages of ``core``: the Excel upload and its preview."""

from tests.access import OFFICE_ONLY, Access

ACCESS = {
    "core:import_upload": OFFICE_ONLY,
    "core:import_template": Access(kwargs=lambda w: {"kind": "publications"}, query="?year=2024"),
    # An upload token that is not in the session: back to the upload page with a message.
    "core:import_preview": Access(kwargs=lambda w: {"token": "no-such-upload"}, office_staff=302, office_admin=302),
}
ACCESS["core:jobs"] = OFFICE_ONLY
# A job the unit user asked for: theirs and the office's to follow; another unit's user sees nothing.
OWN_JOB = {"anonymous": 302, "unit_user": 200, "office_staff": 200, "office_admin": 200}
ACCESS["core:job"] = Access(kwargs=lambda w: {"pk": w.extra["job"].pk}, **OWN_JOB)
ACCESS["core:job_status"] = Access(kwargs=lambda w: {"pk": w.extra["job"].pk}, **OWN_JOB)
# Not finished yet: nothing to download, for anybody.
ACCESS["core:job_download"] = Access(
    kwargs=lambda w: {"pk": w.extra["job"].pk}, unit_user=404, office_staff=404, office_admin=404
)
# Retrying is a POST (of a failed job).
ACCESS["core:job_retry"] = Access(
    kwargs=lambda w: {"pk": w.extra["job"].pk}, unit_user=405, office_staff=405, office_admin=405
)
ACCESS["core:notifications"] = Access(unit_user=200)
ACCESS["core:notifications_read"] = Access(unit_user=405, office_staff=405, office_admin=405)


def setup(world):
    from core.models import Job

    world.extra["job"] = Job.objects.create(kind="export", label="导出", requested_by=world.unit_user)


# The health check of docker, nginx and monitoring: open to all (it says only "ok").
ACCESS["core:healthz"] = Access(anonymous=200, unit_user=200, office_staff=200, office_admin=200)
