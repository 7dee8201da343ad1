"""Draw the sample institutions' logos and photos (fictional, like the institutions) with Pillow.

Run once by hand (`.venv/bin/python tools/make_sample_images.py`); its output is committed in
content/institutions/images/ and the front matter names it. Flat shapes in few colours keep the PNG sources
small; the build turns them into WebP variants.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

IMAGES = Path(__file__).resolve().parents[1] / "content" / "institutions" / "images"
# slug: (initials, main colour, the photos to draw)
SAMPLES = {
    "sahyadri-university": ("SU", (11, 92, 173), ("campus", "library", "hostel")),
    "deccan-institute-of-technology": ("DIT", (164, 22, 26), ("campus", "workshop", "library")),
    "kayal-medical-college": ("KMC", (29, 107, 53), ("campus", "hospital")),
    "st-elmos-convent-school": ("SE", (154, 91, 0), ("campus", "playground")),
}
PHOTO_SIZE = (1200, 675)


def logo(initials: str, colour: tuple[int, int, int]) -> Image.Image:
    image = Image.new("RGB", (256, 256), "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((16, 16, 240, 240), radius=40, fill=colour)
    draw.polygon([(128, 40), (200, 96), (56, 96)], fill="white")
    font = ImageFont.load_default(size=72 if len(initials) < 3 else 56)
    draw.text((128, 168), initials, fill="white", font=font, anchor="mm")
    return image


def photo(kind: str, colour: tuple[int, int, int], seed: str) -> Image.Image:
    rng = random.Random(f"{seed}/{kind}")
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, (196, 224, 244))
    draw = ImageDraw.Draw(image)
    for band in range(6):  # a sky in six bands, lighter towards the horizon
        shade = 196 + band * 8
        draw.rectangle((0, band * 60, width, band * 60 + 60), fill=(shade - 20, min(255, shade + 10), 250))
    draw.rectangle((0, 470, width, height), fill=(96, 148, 72))  # lawn
    x = 40
    while x < width - 80:
        w, h = rng.randint(140, 260), rng.randint(140, 330)
        tone = tuple(min(255, c + rng.randint(40, 110)) for c in colour)
        draw.rectangle((x, 470 - h, x + w, 470), fill=tone)
        for wy in range(470 - h + 20, 450, 42):  # rows of windows
            for wx in range(x + 16, x + w - 24, 36):
                draw.rectangle((wx, wy, wx + 18, wy + 22), fill=(240, 244, 248))
        x += w + rng.randint(20, 60)
    for _ in range(7 if kind in ("campus", "playground") else 3):  # trees
        tx = rng.randint(20, width - 60)
        draw.rectangle((tx + 18, 500, tx + 26, 560), fill=(92, 64, 40))
        draw.ellipse((tx, 440, tx + 44, 510), fill=(44, 110, 50))
    return image


def main() -> None:
    for slug, (initials, colour, photos) in SAMPLES.items():
        folder = IMAGES / slug
        folder.mkdir(parents=True, exist_ok=True)
        logo(initials, colour).save(folder / "logo.png", optimize=True)
        for kind in photos:
            photo(kind, colour, slug).quantize(64).save(folder / f"{kind}.png", optimize=True)


if __name__ == "__main__":
    main()
