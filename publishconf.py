"""Production settings: everything from pelicanconf.py plus the few overrides for the live site."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

CAREERMITRA = {
    **CAREERMITRA,  # noqa: F405
    "site_origin": os.environ.get("CAREERMITRA_SITE_ORIGIN", "https://www.careermitra.in"),
}
