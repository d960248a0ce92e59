"""The 未投稿 deduction becomes a typed kind on the deduction instead of a wording matched on every
read: existing rows (and their history) are classified once, by the rule the code used until now."""

import re

from django.db import migrations, models

# The wording rule as it stood when this migration was written (inspections/reasons.py then).
NO_SUBMISSION_REASON = re.compile(r"^\d{1,2}(?:[、,，]\d{1,2})*月份?未投稿$")


def classify(apps, schema_editor):
    for name in ("Deduction", "HistoricalDeduction"):
        model = apps.get_model("inspections", name)
        ids = [
            pk
            for pk, reason in model.objects.filter(reason__contains="未投稿").values_list("pk", "reason")
            if NO_SUBMISSION_REASON.match(re.sub(r"\s+", "", reason))
        ]
        for start in range(0, len(ids), 500):
            model.objects.filter(pk__in=ids[start : start + 500]).update(kind="no_submission")


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0004_bounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="deduction",
            name="kind",
            field=models.CharField(
                choices=[("no_submission", "未投稿"), ("other", "其他")],
                default="other",
                max_length=20,
                verbose_name="类别",
            ),
        ),
        migrations.AddField(
            model_name="historicaldeduction",
            name="kind",
            field=models.CharField(
                choices=[("no_submission", "未投稿"), ("other", "其他")],
                default="other",
                max_length=20,
                verbose_name="类别",
            ),
        ),
        migrations.RunPython(classify, migrations.RunPython.noop),
    ]
