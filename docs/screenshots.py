"""Make the screenshots in ``docs/_static/screenshots/`` from the corpus in ``tei/``.

Run: ``python docs/screenshots.py`` (needs Debian's ``chromium`` and
``chromium-driver``, and Selenium from the ``test`` extra). Every seed's
reading view is rendered with ``teikit html``, opened from disk in headless
Chromium and photographed at one window size; the index and a footnote pop-up
are photographed too. The PNGs are committed so the docs build without a browser.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from teikit.html.review import write_reviews
from teikit.html.site import write_site

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "_static" / "screenshots"
WIDTH, HEIGHT = 1000, 720


def browser(profile: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main() -> int:
    seeds = sorted((ROOT / "tei").glob("*.xml"))
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="teikit-shots-"))
    try:
        write_site(list(seeds), work / "site")
        driver = browser(str(work / "profile"))
        try:
            driver.get((work / "site" / "index.html").as_uri())
            driver.save_screenshot(str(OUT / "index.png"))
            for seed in seeds:
                driver.get((work / "site" / f"{seed.stem}.html").as_uri())
                first_turn = driver.find_elements("css selector", ".sp, section.div")
                if first_turn:
                    driver.execute_script("arguments[0].scrollIntoView()", first_turn[0])
                    driver.execute_script("window.scrollBy(0, -60)")
                driver.save_screenshot(str(OUT / f"{seed.stem}.png"))
            # a footnote pop-up opened at its marker
            driver.get((work / "site" / "1964-10-09_conversation_balluku-mao.html").as_uri())
            marker = driver.find_element("css selector", ".fn-ref")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", marker)
            marker.click()
            driver.save_screenshot(str(OUT / "footnote-pop-up.png"))
            # the review page of one transcription (roles from the converter's explanations)
            raw = ROOT / "tei" / "raw" / "1959-10-02_conversation_khrushchev-mao.txt"
            (page,) = write_reviews([raw], work / "review")
            driver.get(page.as_uri())
            driver.save_screenshot(str(OUT / "review.png"))
        finally:
            driver.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for png in sorted(OUT.glob("*.png")):
        print(f"{png.relative_to(ROOT)}  {png.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
