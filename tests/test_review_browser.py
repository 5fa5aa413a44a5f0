"""The review pages in headless Chromium (Debian's /usr/bin/chromium, driven by playwright): the live DOM.

Every fact, quantity, person (and every other mark) of the record sits exactly over its text; the legend
hides a kind; selecting a fact marks its number and sentence; no script from an article runs; a phone
screen needs no sideways scrolling. A screenshot of one page is left in test-artifacts/ (or
$BERITA_ARTIFACTS). Without Chromium or playwright these tests skip, except under CI, where they fail.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from berita_extract import extract, extract_file
from berita_extract.cli import main
from berita_extract.review_page import num

from conftest import ROOT, SEEDS
from test_review import HOSTILE

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
FAILING = ROOT / "tests" / "corpus" / "salah_hitung_kendari.txt"  # an article whose numbers do not add up
ARTIFACTS = Path(os.environ.get("BERITA_ARTIFACTS") or ROOT / "test-artifacts")


def _need(ok: bool, why: str):
    if not ok:
        if os.environ.get("CI"):
            pytest.fail(f"{why} (.ci/run installs it)")
        pytest.skip(why)


try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    d = tmp_path_factory.mktemp("review")
    src = d / "in"
    src.mkdir()
    for p in SEEDS:
        shutil.copy(p, src / p.name)
    (src / "hostile.txt").write_bytes(HOSTILE.encode("utf-8"))
    shutil.copy(FAILING, src / FAILING.name)
    out = d / "site"
    assert main(["review", str(src), "-o", str(out)]) == 0
    records = {p.stem: (p.read_text(encoding="utf-8"), extract_file(p)) for p in SEEDS}
    records["hostile"] = (HOSTILE, extract(HOSTILE, id="hostile"))
    records[FAILING.stem] = (FAILING.read_text(encoding="utf-8"), extract_file(src / FAILING.name))
    return out, records


@pytest.fixture(scope="module")
def browser():
    _need(sync_playwright is not None, "playwright is not installed")
    _need(os.path.exists(CHROMIUM), f"{CHROMIUM} is missing")
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        ctx = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS, viewport={"width": 1280, "height": 900}
        )
        ctx.requests = []
        ctx.on("request", lambda r: ctx.requests.append(r.url))
        yield ctx
        ctx.close()


@pytest.fixture
def page(browser):
    pg = browser.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    assert pg.errors == []
    pg.close()


def open_page(page, site, id):
    page.goto((site[0] / f"{id}.html").as_uri())
    return site[1][id]


# What the DOM says: the text of #text, and for each data-i its kind and [start, end) in code points.
DOM = """() => {
  const root = document.getElementById('text');
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const segs = {}, kinds = {}, bg = {};
  let off = 0, all = '';
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const len = Array.from(n.data).length;
    for (let e = n.parentElement; e && e !== root; e = e.parentElement) {
      const id = e.getAttribute('data-i');
      if (!id) continue;
      (segs[id] = segs[id] || []).push([off, off + len]);
      kinds[id] = kinds[id] || {};
      kinds[id][e.getAttribute('data-k')] = 1;
      if (!(id in bg)) bg[id] = getComputedStyle(e).backgroundColor;
    }
    off += len; all += n.data;
  }
  const tags = Array.from(root.querySelectorAll('*')).map(e => e.tagName + (e.classList.contains('m') ? '.m' : ''));
  return {text: all, segs, kinds: Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, Object.keys(v)])),
          bg, tags: Array.from(new Set(tags))};
}"""


def expected_marks(a) -> dict[str, tuple[str, tuple[int, int], str]]:
    """data-i -> (kind, span, text) for everything of the record the page must mark."""
    exp = {}
    for i, q in enumerate(a.quantities):
        exp[f"quantity-{i}"] = ("quantity", q.span, q.text)
    for i, d in enumerate(a.dates):
        exp[f"date-{i}"] = ("date", d.span, d.text)
    for kind, items in (("region", a.regions), ("org", a.organizations), ("person", a.people), ("program", a.programs)):
        for i, it in enumerate(items):
            for j, m in enumerate(it.mentions):
                exp[f"{kind}-{i}-{j}"] = (kind, m.span, m.text)
    for i, q in enumerate(a.quotes):
        exp[f"quote-{i}"] = ("quote", q.span, q.text)
        if q.cue:
            exp[f"cue-{i}"] = ("cue", q.cue.span, q.cue.text)
    for i, r in enumerate(a.legal_refs):
        exp[f"legal-{i}"] = ("legal", r.span, r.text)
    for i, r in enumerate(a.removed):
        exp[f"removed-{i}"] = ("removed", r.span, r.text)
    for f in a.facts:
        exp[f"sentence-{f.span[0]}-{f.span[1]}"] = ("sentence", f.span, f.sentence)
    if a.title:
        exp["title"] = ("title", a.title.span, a.title.text)
    return exp


def span_of(segs) -> tuple[int, int]:
    segs = sorted(segs)
    for (_, e), (s, _) in zip(segs, segs[1:]):
        assert e == s, f"fragments not contiguous: {segs}"
    return segs[0][0], segs[-1][1]


IDS = [p.stem for p in SEEDS] + ["hostile", FAILING.stem]


@pytest.mark.parametrize("id", IDS)
def test_every_span_is_marked_exactly_over_its_text(page, site, id):
    text, a = open_page(page, site, id)
    dom = page.evaluate(DOM)
    assert dom["text"] == text  # the article exactly as read: CR, tags, quotes, emoji and all
    assert set(dom["tags"]) == {"SPAN.m"}  # nothing from the text became an element
    exp = expected_marks(a)
    assert set(dom["segs"]) == set(exp)
    for key, (kind, span, item_text) in exp.items():
        assert dom["kinds"][key] == [kind], key
        assert span_of(dom["segs"][key]) == tuple(span), key
        assert text[span[0]:span[1]] == item_text
    for f in a.facts:  # every fact: its number and its sentence
        q = a.quantities[f.quantity]
        assert span_of(dom["segs"][f"quantity-{f.quantity}"]) == tuple(q.span)
        assert span_of(dom["segs"][f"sentence-{f.span[0]}-{f.span[1]}"]) == tuple(f.span)
    visible = [k for k, (kind, _, _) in exp.items() if kind in ("quantity", "person")]
    assert visible and all(dom["bg"][k] != "rgba(0, 0, 0, 0)" for k in visible)  # highlighted, not just tagged


def test_no_script_from_the_article_ran(page, site, browser):
    text, a = open_page(page, site, "hostile")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.querySelectorAll('#text script, #text img, #text svg, #text a, #text b').length") == 0
    page.locator('#text [data-k="quantity"]').first.hover()
    page.locator("button[data-mark]").first.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title().startswith('<b>Judul</b> "BPJS" &')  # the headline is the title, as text
    assert all(u.startswith("file://") for u in browser.requests), browser.requests  # nothing from the network


def test_the_legend_hides_a_kind_by_keyboard(page, site):
    open_page(page, site, SEEDS[0].stem)
    bg = "Array.from(document.querySelectorAll('#text .k-person')).map(e => getComputedStyle(e).backgroundColor)"
    before = page.evaluate(bg)
    assert before and "rgba(0, 0, 0, 0)" not in before
    page.locator('button[data-toggle="person"]').focus()
    page.keyboard.press("Enter")
    assert set(page.evaluate(bg)) == {"rgba(0, 0, 0, 0)"}
    assert page.locator('button[data-toggle="person"]').get_attribute("aria-pressed") == "false"
    assert "rgba(0, 0, 0, 0)" not in page.evaluate(bg.replace("k-person", "k-quantity"))  # the others stay
    page.keyboard.press("Space")
    assert page.evaluate(bg) == before


@pytest.mark.parametrize("id", [SEEDS[0].stem, "hostile"])
def test_selecting_a_fact_marks_its_number_and_sentence(page, site, id):
    text, a = open_page(page, site, id)
    assert a.facts
    for n, f in enumerate(a.facts):
        page.locator(f"#fact-{n} button").click()
        sel = page.evaluate("Array.from(document.querySelectorAll('#text .sel')).map(e => e.getAttribute('data-i'))")
        assert set(sel) == {f"quantity-{f.quantity}", f"sentence-{f.span[0]}-{f.span[1]}"}
        box = page.locator(f'#text [data-i="quantity-{f.quantity}"]').first.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= 900  # scrolled into view
        assert page.evaluate("document.activeElement.getAttribute('data-i')") == f"quantity-{f.quantity}"


def test_focus_shows_the_value(page, site):
    _, a = open_page(page, site, SEEDS[0].stem)
    person = a.people[0]
    page.locator('#text [data-i="person-0-0"]').focus()
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert f"person: {person.name} - {person.roles[0]}" in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_index_sorts_and_puts_failed_checks_first(page, site):
    page.goto((site[0] / "index.html").as_uri())
    ids = "Array.from(document.querySelectorAll('#index tbody tr .id')).map(e => e.textContent)"
    assert sorted(page.evaluate(ids)) == sorted(IDS)
    page.locator("th button[data-sort='4']").click()  # facts, ascending
    facts = {i: len(site[1][i][1].facts) for i in IDS}
    got = page.evaluate(ids)
    assert [facts[i] for i in got] == sorted(facts.values())
    page.locator("th button[data-sort='4']").click()
    assert [facts[i] for i in page.evaluate(ids)] == sorted(facts.values(), reverse=True)
    page.locator("#failed-first").check()
    failed = [sum(not c.ok for c in site[1][i][1].checks) > 0 for i in page.evaluate(ids)]
    assert failed[0] and failed == sorted(failed, reverse=True)
    page.locator("#index tbody a").first.click()
    assert page.locator("#text").count() == 1


def test_failed_checks_in_red_with_both_numbers(page, site):
    _, a = open_page(page, site, FAILING.stem)
    bad = [c for c in a.checks if not c.ok]
    assert bad
    items = page.locator(".check.fail")
    assert items.count() == len(bad)
    for n, c in enumerate(bad):
        li = items.nth(n)
        assert c.statement in li.inner_text()
        nums = li.locator(".nums")
        assert nums.inner_text() == f"stated {num(c.expected)}, computed {num(c.computed)}"
        r, g, b = (int(x) for x in nums.evaluate("e => getComputedStyle(e).color").strip("rgb()").split(","))
        assert r > 150 and g < 80 and b < 80  # red
    assert page.locator(".check.ok").count() == len(a.checks) - len(bad)


def test_readable_on_a_phone(browser, site):
    pg = browser.new_page()
    pg.set_viewport_size({"width": 390, "height": 844})
    pg.goto((site[0] / f"{SEEDS[0].stem}.html").as_uri())
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert pg.evaluate("parseFloat(getComputedStyle(document.getElementById('text')).fontSize)") >= 15
    pg.close()


def test_screenshot(page, site):
    _, a = open_page(page, site, SEEDS[0].stem)
    f = a.facts[3]
    page.locator("#fact-3 button").click()  # its number and sentence marked, in view, with the hover value
    page.locator(f'#text [data-i="quantity-{f.quantity}"]').first.hover()
    assert page.locator("#tip").is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "review-page.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
