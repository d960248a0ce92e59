from tests.access import Access

ACCESS = {
    "home": Access(unit_user=302, office_staff=302, office_admin=302),
    "scoring:latest": Access(unit_user=302, office_staff=302, office_admin=302),
    "scoring:quarter": Access(kwargs=lambda w: {"year": w.year, "quarter": w.quarter}),
    "scoring:unit_quarter": [
        Access(kwargs=lambda w: {"year": w.year, "quarter": w.quarter, "unit_id": w.own_unit.pk}, unit_user=200),
        # Another unit's page, its id guessed: refused.
        Access(kwargs=lambda w: {"year": w.year, "quarter": w.quarter, "unit_id": w.other_unit.pk}, unit_user=403),
    ],
}
ACCESS["scoring:quarter_xlsx"] = Access(kwargs=lambda w: {"year": w.year, "quarter": w.quarter})
ACCESS["scoring:unit_latest"] = [
    Access(kwargs=lambda w: {"unit_id": w.own_unit.pk}, unit_user=302, office_staff=302, office_admin=302),
    Access(kwargs=lambda w: {"unit_id": w.other_unit.pk}, unit_user=403, office_staff=302, office_admin=302),
]
