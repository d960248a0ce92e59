"""Rule sets shipped by the data migration got no history row, so their first edit in the admin
showed every field as “— → 0.6”. Give each rule set without history its initial (“新增”) row."""

from django.db import migrations
from django.utils import timezone


def add_initial_history(apps, schema_editor):
    RuleSet = apps.get_model("scoring", "RuleSet")
    Historical = apps.get_model("scoring", "HistoricalRuleSet")
    tracked = set(Historical.objects.values_list("id", flat=True))
    names = [f.attname for f in RuleSet._meta.concrete_fields]
    for rule_set in RuleSet.objects.exclude(pk__in=tracked):
        Historical.objects.create(
            **{name: getattr(rule_set, name) for name in names},
            history_date=timezone.now(),
            history_type="+",
            history_change_reason="系统内置规则",
        )


class Migration(migrations.Migration):
    dependencies = [("scoring", "0005_annual_adjustments")]
    operations = [migrations.RunPython(add_initial_history, migrations.RunPython.noop)]
