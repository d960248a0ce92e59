"""Who may open which inspection page: office, the finding's own unit, another unit, anonymous."""

import contextlib
import datetime
import weakref
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from inspections.models import Finding
from inspections.services import finding_record, inspection_round_create, rectification_submit
from tests.access import OFFICE_ONLY, Access


def _remove_files(paths: list[str]) -> None:
    """Delete the stored files and the folders they leave empty (rectifications/<unit>/, MEDIA_ROOT)."""
    from django.core.files.storage import default_storage

    for name in paths:
        path = Path(default_storage.path(name))
        path.unlink(missing_ok=True)
        for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
            with contextlib.suppress(OSError):
                folder.rmdir()


def setup(world):
    inspection = inspection_round_create(
        name="2024年四季度检查", year=2024, quarter=4, inspected_on=datetime.date(2025, 1, 6)
    )

    def finding(unit, description):
        return finding_record(
            inspection=inspection,
            unit=unit,
            category=Finding.Category.COLUMN_NOT_UPDATED,
            column="政策文件",
            description=description,
            deadline=datetime.date(2025, 1, 15),
        )

    def answered(unit, user):
        item = finding(unit, "政策解读一栏年内未更新")
        response = rectification_submit(
            finding=item,
            acting_user=user,
            text="已补充更新政策解读",
            file=SimpleUploadedFile("整改报告.pdf", b"%PDF-1.4 evidence"),
        )
        return item, response

    own_submitted, own_response = answered(world.own_unit, world.unit_user)
    other_submitted, other_response = answered(world.other_unit, world.other_unit_user)
    world.extra.update(
        inspection=inspection,
        own_finding=finding(world.own_unit, "政策文件一栏年内未更新"),
        other_finding=finding(world.other_unit, "政策文件一栏年内未更新"),
        own_submitted=own_submitted,
        other_submitted=other_submitted,
        own_response=own_response,
        other_response=other_response,
    )
    # The matrix has no settings fixture: remove the stored evidence when the world goes away.
    weakref.finalize(world, _remove_files, [own_response.file.name, other_response.file.name])


def _pk(key):
    return lambda w: {"pk": w.extra[key].pk}


POST_ONLY = Access(unit_user=403, office_staff=405, office_admin=405)

ACCESS = {
    "inspections:round_list": OFFICE_ONLY,
    "inspections:round_create": OFFICE_ONLY,
    "inspections:round_detail": Access(kwargs=_pk("inspection")),
    "inspections:finding_create": Access(kwargs=_pk("inspection")),
    "inspections:review_list": OFFICE_ONLY,
    "inspections:finding_detail": [
        Access(kwargs=_pk("own_finding"), unit_user=200),
        # Another unit's finding, its id guessed: as if it did not exist.
        Access(kwargs=_pk("other_finding"), unit_user=404),
    ],
    "inspections:finding_edit": Access(kwargs=_pk("own_finding")),
    "inspections:finding_respond": [
        Access(kwargs=_pk("own_finding"), unit_user=200, office_staff=403, office_admin=403),
        Access(kwargs=_pk("other_finding"), unit_user=404, office_staff=403, office_admin=403),
    ],
    "inspections:finding_accept": [
        Access(kwargs=_pk("own_submitted"), unit_user=403, office_staff=405, office_admin=405),
        Access(kwargs=_pk("other_submitted"), unit_user=403, office_staff=405, office_admin=405),
    ],
    "inspections:finding_return": [
        Access(kwargs=_pk("own_submitted"), unit_user=403, office_staff=405, office_admin=405),
        Access(kwargs=_pk("other_submitted"), unit_user=403, office_staff=405, office_admin=405),
    ],
    "inspections:response_file": [
        Access(kwargs=_pk("own_response"), unit_user=200),
        Access(kwargs=_pk("other_response"), unit_user=404),
    ],
    "inspections:my_findings": Access(unit_user=200, office_staff=302, office_admin=302),
}
