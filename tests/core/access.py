"""Who may open the pages of ``core``: the Excel upload and its preview."""

from tests.access import OFFICE_ONLY, Access

ACCESS = {
    "core:import_upload": OFFICE_ONLY,
    "core:import_template": Access(kwargs=lambda w: {"kind": "publications"}, query="?year=2024"),
    # An upload token that is not in the session: back to the upload page with a message.
    "core:import_preview": Access(kwargs=lambda w: {"token": "no-such-upload"}, office_staff=302, office_admin=302),
}
