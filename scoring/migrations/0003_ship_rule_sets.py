"""The office's rule sets of 2020 and 2024 (see scoring/shipped.py)."""

from django.db import migrations

from scoring.shipped import RULE_SETS, ship


def forwards(apps, schema_editor):
    ship(apps.get_model("scoring", "RuleSet"))


def backwards(apps, schema_editor):
    RuleSet = apps.get_model("scoring", "RuleSet")
    RuleSet.objects.filter(valid_from__in=[s["valid_from"] for s in RULE_SETS]).delete()


class Migration(migrations.Migration):
    dependencies = [("scoring", "0002_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
