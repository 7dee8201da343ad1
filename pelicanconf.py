"""Pelican settings for the development build (`make build`). Production overrides are in publishconf.py."""

import hashlib
from pathlib import Path

AUTHOR = "Career Mitra"
SITENAME = "Career Mitra"
SITE_TAGLINE = "Honest reviews of Indian colleges, universities, schools and coaching institutes"
SITEURL = ""  # links are root-relative; absolute URLs (canonical, sitemap, feed) use CAREERMITRA["site_origin"]
PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "en"
LOCALE = ("C",)

PLUGINS = ["careermitra.site.plugin"]
CAREERMITRA = {
    "site_origin": "http://127.0.0.1:8000",
    "institutions_path": "institutions",
    "reviews_path": "reviews",
    "reviews_per_page": 10,
    "listing_page_size": 20,
    "search_index": True,
    "workers": 0,  # processes rendering a full build; 0 = one per CPU
    "incremental": True,  # with the previous build's index in the output folder, redo only what changed
}

# Editorial pages (privacy policy, about, terms, contact) are Pelican pages; there are no blog articles.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# A page's Hindi translation (X.hi.md beside X.md, same slug, `lang: hi`) is served under /hi/ (issue 16).
PAGE_LANG_URL = "hi/{slug}/"
PAGE_LANG_SAVE_AS = "hi/{slug}/index.html"
DIRECT_TEMPLATES: list[str] = []
ARTICLE_SAVE_AS = AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ARCHIVES_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
THEME_STATIC_DIR = "theme"
# The plugin empties the output folder itself before a full build, and keeps it for an incremental one.
DELETE_OUTPUT_DIRECTORY = False
OUTPUT_RETENTION: list[str] = []
RELATIVE_URLS = False
SLUGIFY_SOURCE = "basename"
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# The privacy policy version a registration consents to; it must match content/pages/privacy-policy.md.
POLICY_VERSION = "3.0"

# The header's signed-in state is read by this script on every page (issue 14); its address carries a digest of
# its content, so a browser holding yesterday's copy (scripts are cached a day) fetches the new one at once.
SESSION_SCRIPT = "/theme/js/session.js?v=" + hashlib.sha256(
    (Path(__file__).resolve().parent / THEME / "static" / "js" / "session.js").read_bytes()).hexdigest()[:12]
