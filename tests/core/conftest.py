"""Fixtures of the PDF engine tests (no database needed)."""

import pytest

from core.pdf import fonts


@pytest.fixture(scope="module")
def pdf_fonts():
    """Free fonts from var/fonts/ only, whatever commercial faces the machine has; skip the test
    module when the pre-subset fonts have not been built by scripts/install_fonts.sh."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LINZI_FONT_SYSTEM", "0")
        for role in fonts.ROLES:
            mp.delenv(f"LINZI_FONT_{role.upper()}", raising=False)
        fonts.clear_cache()
        if not fonts.fonts_available():
            pytest.skip(f"PDF fonts not built in {fonts.font_dir()}: run scripts/install_fonts.sh")
        yield fonts.resolve_fonts()
    fonts.clear_cache()
