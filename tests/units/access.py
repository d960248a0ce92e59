from tests.access import OFFICE_ONLY, Access

ACCESS = {
    "login": Access(anonymous=200, unit_user=200, office_staff=200, office_admin=200),
    "logout": Access(anonymous=405, unit_user=405, office_staff=405, office_admin=405),
    "units:list": OFFICE_ONLY,
}
ACCESS["units:history"] = OFFICE_ONLY
ACCESS["units:lockouts"] = OFFICE_ONLY
# A form on the import preview posts here; a GET is refused.
ACCESS["units:alias_add"] = Access(office_staff=405, office_admin=405)
