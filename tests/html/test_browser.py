"""The pages in a real browser (headless Chromium): what a reader sees and does.

One browser session serves the whole module. Each page is opened from disk
(``file://``); after every load the tests read the browser's console log (no
errors) and its performance log (no request other than the page itself).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from html_helpers import tei
from lxml import etree

from teikit.html.site import write_site

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "tei").glob("*.xml"))

HOSTILE = (
    "<p>&lt;script&gt;window.__pwned = 1&lt;/script&gt; "
    "&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;</p>"
    '<p><ref target="javascript:window.__pwned=3">click me</ref> '
    '<ref target="JaVaScRiPt:window.__pwned=4">or me</ref> '
    '<ptr target="https://example.org/tracker.png"/> '
    '<persName ref="&quot;&gt;&lt;script&gt;window.__pwned=5&lt;/script&gt;">Name</persName>'
    '<graphic url="http://example.org/x.png"/></p>'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    hostile = out.parent / "hostile.xml"
    hostile.write_bytes(etree.tostring(tei(HOSTILE)))
    write_site([*SEEDS, hostile], out)
    return out


def load(browser: Any, path: Path) -> tuple[list[str], list[str]]:
    """Open ``path``; the console errors and the URLs requested while loading it."""
    browser.get("about:blank")
    browser.get_log("browser")
    browser.get_log("performance")
    url = path.resolve().as_uri()
    browser.get(url)
    return _errors(browser), _requests(browser, url)


def _errors(browser: Any) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def _requests(browser: Any, page_url: str) -> list[str]:
    """Every URL the page asked for, itself excepted."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            url = message["params"].get("request", {}).get("url") or message["params"].get("url")
            if url and url.split("#")[0] != page_url:
                urls.append(url)
    return urls


def visible_text(browser: Any, css: str) -> str:
    return str(browser.find_element("css selector", css).text)


def test_turns_and_speakers_are_visible(browser: Any, site: Path) -> None:
    errors, requests = load(browser, site / "1959-10-02_conversation_khrushchev-mao.html")
    assert errors == [] and requests == []
    turns = browser.find_elements("css selector", ".sp")
    assert len(turns) > 10 and all(t.is_displayed() for t in turns[:5])
    label = turns[0].find_element("css selector", ".speaker a")
    assert label.text == "KHRUSHCHEV N.S.:"
    assert label.get_attribute("title") == (
        "Nikita Sergeyevich Khrushchev — First Secretary of the CC CPSU"
    )
    colours = {
        t.get_attribute("data-person"): t.value_of_css_property("border-left-color") for t in turns
    }
    assert len(set(colours.values())) == len(colours) > 1  # one colour per person


def test_one_persons_turns_only(browser: Any, site: Path) -> None:
    load(browser, site / "1959-10-02_conversation_khrushchev-mao.html")
    button = browser.find_element("css selector", ".only-person[data-person='mao-zedong']")
    button.click()
    shown = [t for t in browser.find_elements("css selector", ".sp") if t.is_displayed()]
    assert shown and {t.get_attribute("data-person") for t in shown} == {"mao-zedong"}
    button.click()
    assert all(t.is_displayed() for t in browser.find_elements("css selector", ".sp"))


def test_sic_corr_toggle_changes_the_text(browser: Any, site: Path) -> None:
    errors, _ = load(browser, site / "1959-10-02_conversation_khrushchev-mao.html")
    assert errors == []
    title = browser.find_element("css selector", "h1.title")
    assert "Deputy Chairman Liu Shaoqi" in title.text
    toggle = browser.find_element("id", "tk-reading")
    toggle.click()
    assert "Deputy Chairma Liu Shaoqi" in title.text
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert "Deputy Chairman Liu Shaoqi" in title.text


def test_footnote_pop_up_opens_and_closes_by_mouse_and_keyboard(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.keys import Keys

    errors, requests = load(browser, site / "undated_open-letter_suci-to-cpsu.html")
    assert errors == [] and requests == []
    marker = browser.find_element("css selector", ".fn-ref")
    pop = browser.find_element("id", marker.get_attribute("aria-controls"))
    assert not pop.is_displayed()
    marker.click()
    assert pop.is_displayed() and "renegade" in pop.text
    assert marker.get_attribute("aria-expanded") == "true"
    pop.find_element("css selector", ".fn-close").click()
    assert not pop.is_displayed()
    marker.send_keys(Keys.ENTER)
    assert pop.is_displayed()
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not pop.is_displayed()
    assert browser.switch_to.active_element == marker


def test_index_search_and_filters_find_documents(browser: Any, site: Path) -> None:
    errors, requests = load(browser, site / "index.html")
    assert errors == [] and requests == []

    def shown() -> list[str]:
        rows = browser.find_elements("css selector", "tbody tr")
        return [
            r.find_element("css selector", "a").get_attribute("href").rsplit("/", 1)[1]
            for r in rows
            if r.is_displayed()
        ]

    assert len(shown()) == len(SEEDS) + 1
    search = browser.find_element("id", "tk-search")
    search.send_keys("Dalai Lama")
    assert shown() == ["1959-10-02_conversation_khrushchev-mao.html"]
    assert visible_text(browser, "#tk-count") == "1 document"
    search.clear()
    search.send_keys(" ")
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "tk-kind")).select_by_value("conversation")
    assert set(shown()) == {
        "1959-10-02_conversation_khrushchev-mao.html",
        "1964-10-09_conversation_balluku-mao.html",
    }
    Select(browser.find_element("id", "tk-kind")).select_by_value("")
    Select(browser.find_element("id", "tk-person")).select_by_value("Nikita Sergeyevich Khrushchev")
    assert shown() == ["1959-10-02_conversation_khrushchev-mao.html"]


def test_hostile_tei_runs_no_script_and_requests_nothing(browser: Any, site: Path) -> None:
    errors, requests = load(browser, site / "hostile.html")
    assert requests == []
    assert errors == []
    assert browser.execute_script("return window.__pwned === undefined")
    for link in browser.find_elements("css selector", ".ref"):
        link.click()
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.current_url.endswith("hostile.html")
    assert "<script>window.__pwned = 1</script>" in browser.find_element("tag name", "main").text


@pytest.mark.parametrize("name", [p.stem for p in SEEDS])
def test_every_seed_page_loads_clean_and_fits_a_phone(browser: Any, site: Path, name: str) -> None:
    browser.set_window_size(390, 844)
    try:
        errors, requests = load(browser, site / f"{name}.html")
        assert errors == [] and requests == []
        assert browser.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth + 1"
        )
    finally:
        browser.set_window_size(1200, 900)


def test_print_stylesheet_hides_controls(browser: Any, site: Path) -> None:
    load(browser, site / "1959-10-02_conversation_khrushchev-mao.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element("css selector", ".toolbar").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_review_page_shows_raw_lines_beside_the_reading_view(browser: Any, tmp_path: Path) -> None:
    from teikit.html.review import ExplainedLine, render_review

    raw = "CABLE\nTOP SECRET\nMAO: hello\n"
    roles = [ExplainedLine(1, "heading", "first line"), ExplainedLine(2, "marking", "stamp")]

    class Doubt:
        line, message = 3, "speaker or heading?"

    path = tmp_path / "review.html"
    path.write_text(render_review(raw, roles, SEEDS[0], [Doubt()]), encoding="utf-8")
    errors, requests = load(browser, path)
    assert errors == [] and requests == []
    assert browser.find_element("id", "L2").text.endswith("TOP SECRET")
    assert browser.find_element("css selector", ".rendered .tei-header").is_displayed()
    browser.find_element("css selector", ".doubts a").click()
    assert browser.current_url.endswith("#L3")
    assert browser.execute_script(
        "return getComputedStyle(document.getElementById('L1')).backgroundColor"
    ) != browser.execute_script(
        "return getComputedStyle(document.getElementById('L3')).backgroundColor"
    )


@pytest.mark.shared
def test_a_frus_volume_reads_in_the_browser(
    browser: Any, frus_volumes: list[Path], tmp_path: Path
) -> None:
    from teikit.html import render

    volume = min(frus_volumes, key=lambda p: p.stat().st_size)
    page = tmp_path / "frus.html"
    page.write_text(render(volume), encoding="utf-8")
    errors, requests = load(browser, page)
    assert errors == [] and requests == []
    marker = browser.find_element("css selector", ".fn-ref")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", marker)
    marker.click()
    assert browser.find_element("id", marker.get_attribute("aria-controls")).is_displayed()
