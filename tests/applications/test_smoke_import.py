import datetime
import json

import pytest
from django.core.management import call_command

from applications.models import Application

from .helpers import HEADER, sheet_row

pytestmark = pytest.mark.django_db


def test_import_and_tables(renshe, xlsx_file, capsys):
    path = xlsx_file(
        [
            HEADER,
            sheet_row("2023年12月20日", answered="2024-1-10", outcome="予以公开"),
            sheet_row(
                datetime.datetime(2024, 3, 5),
                applicant="商业企业",
                answered="2024.3.20",
                outcome="4.保护第三方合法权益",
                appeal="行政复议",
                appeal_result="结果维持",
            ),
            sheet_row("2024-12-20", extended="是", consultation=5),
        ]
    )
    call_command("import_applications", str(path), "--unit", "区人社局")
    assert Application.objects.count() == 3
    call_command("application_tables", "--year", "2024", "--unit", "区人社局", "--json")
    out = capsys.readouterr().out
    data = json.loads(out.splitlines()[-1])
    print(data)
    assert data["三"]["一、本年新收政府信息公开申请数量"] == [1, 1, 0, 0, 0, 0, 2]
