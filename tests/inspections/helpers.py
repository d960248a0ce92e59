"""Builders of the inspection tests: findings made through the services, as the pages make them."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from inspections.models import Finding
from inspections.services import finding_accept, finding_record, finding_return, rectification_submit

D = datetime.date
DEADLINE = D(2025, 1, 15)  # the 2024 Q4 notice of 10 Jan 2025 asks for rectification by 15 Jan


def finding(inspection, unit, description="政策文件一栏年内未更新", *, deadline=DEADLINE, **kwargs):
    kwargs.setdefault("category", Finding.Category.COLUMN_NOT_UPDATED)
    kwargs.setdefault("column", "政策文件")
    return finding_record(inspection=inspection, unit=unit, description=description, deadline=deadline, **kwargs)


def pdf(name="整改报告.pdf", content=b"%PDF-1.4 evidence"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def submitted(item, user, text="已更新政策文件栏目", **kwargs):
    rectification_submit(finding=item, acting_user=user, text=text, **kwargs)
    item.refresh_from_db()
    return item


def accepted(item, unit_user, staff):
    submitted(item, unit_user)
    finding_accept(finding=item, acting_user=staff)
    item.refresh_from_db()
    return item


def returned(item, unit_user, staff, reason="栏目仍未更新"):
    submitted(item, unit_user)
    finding_return(finding=item, acting_user=staff, reason=reason)
    item.refresh_from_db()
    return item
