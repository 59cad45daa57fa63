"""The site's search scripts on their failure paths, in Chromium: what they do when an answer is late or lost, when the
theme's trigger for the index never comes, when a script cannot be loaded, and after the worker is stopped.

The search script (arkiv.site.search.query_script) runs in a small page of its own in front of a stand-in worker the
test answers by hand, so the order of queries and answers is the test's; the search worker
(arkiv.site.search.worker_script) and the offline frame (arkiv.site.offline.worker_script) run as the site runs them,
over http and from the file system.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from search_batch import served

from arkiv.building import offline
from arkiv.site import search
from arkiv.site.search_keys import archive_names

THEME = "search.0123abcd.min.js"  # a theme worker's name as mkdocs-material writes it

# A worker that only records what it is sent; answer(items) and lose() play its side.
STAND_IN = """window.posted = []; window.seen = []; window.workers = [];
class StandIn extends EventTarget {
  constructor(url) { super(); this.url = String(url); window.workers.push(this); }
  postMessage(message) { window.posted.push(message); }
  terminate() {}
}
window.Worker = StandIn;
window.answer = items => window.workers[0].dispatchEvent(new MessageEvent('message', {data: {type: 3, data: {items}}}));
window.lose = () => window.workers[0].dispatchEvent(new Event('error'));
window.ask = query => window.theWorker.postMessage({type: 2, data: query});
"""
# The page's side, as the theme does it: a worker started by its address, every answer kept as the theme gets it.
START = """() => { window.theWorker = new Worker(new URL('assets/javascripts/workers/THEME', location.href));
  window.theWorker.addEventListener('message', e => window.seen.push(e.data)); }""".replace("THEME", THEME)
INDEX_ASKED = "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('search_index.json'))"
REQUEST_INDEX = """() => { const r = new XMLHttpRequest(); r.open('GET', 'search/search_index.json'); r.send(); }"""


# A document of a result: its page and the query terms it matched (true: matched as typed).
def doc(location: str, **terms: bool) -> dict:
    return {"location": location, "title": location, "text": "", "terms": terms}


@pytest.fixture(scope="module")
def folder(tmp_path_factory, archive) -> Path:
    root = tmp_path_factory.mktemp("scripts")
    (root / "stand-in.js").write_text(STAND_IN, encoding="utf-8")
    (root / "search-query.js").write_text(search.query_script(archive_names(archive)), encoding="utf-8")
    (root / "query.html").write_text('<!doctype html><meta charset="utf-8"><title>q</title><input id="field">'
                                     '<p class="arkiv-search-note"></p><script src="stand-in.js"></script>'
                                     '<script src="search-query.js"></script>', encoding="utf-8")
    (root / "search").mkdir()
    (root / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")
    (root / "plain.html").write_text('<!doctype html><meta charset="utf-8"><title>p</title>', encoding="utf-8")
    (root / "w").mkdir()
    (root / "w" / "arkiv-search.js").write_text(search.worker_script(), encoding="utf-8")
    (root / "w" / THEME).write_text("self.themeRan = true;  // a theme script that defines no lunr\n", encoding="utf-8")
    (root / "file-worker.js").write_text(offline.worker_script(), encoding="utf-8")
    (root / "offline.html").write_text('<!doctype html><meta charset="utf-8"><title>o</title>'
                                       '<script src="file-worker.js"></script>',
                                       encoding="utf-8")
    (root / "echo.js").write_text("self.addEventListener('message', e => postMessage(e.data));\n", encoding="utf-8")
    (root / "throws.js").write_text("throw new Error('the worker script failed');\n", encoding="utf-8")
    return root


@pytest.fixture
def page(browser, folder):
    context = browser.new_context()
    try:
        with served(folder) as url:
            tab = context.new_page()
            tab.base = url
            yield tab
    finally:
        context.close()


def open_query_page(page):
    page.goto(page.base + "query.html")
    page.evaluate(START)


def test_stop_words_leave_a_query_of_several_words(page):
    open_query_page(page)
    for typed, sent in (("blicka ut i världen", "blicka världen"), ("i", "i"), ("vara kommun", "vara kommun")):
        page.evaluate("q => ask(q)", typed)
        assert page.evaluate("() => posted.at(-1)") == {"type": 2, "data": sent}, typed


def test_an_approximate_answer_for_an_older_query_is_dropped(page):
    open_query_page(page)
    page.evaluate("() => ask('upsal')")
    page.evaluate("() => answer([])")  # nothing as typed: the script asks again, approximately
    assert page.evaluate("() => posted.map(m => m.data)") == ["upsal", "upsal~1"]
    page.evaluate("() => ask('uppsala')")  # the visitor typed on before the approximate answer came
    page.evaluate("items => answer(items)", [[doc("kommuner/uppsala/", upsal=False)]])
    assert page.evaluate("() => seen") == [], "the older query's approximate answer reached the page"
    assert page.evaluate("() => document.querySelector('.arkiv-search-note').textContent") == ""
    newest = [[doc("kommuner/uppsala/", uppsala=True)]]
    page.evaluate("items => answer(items)", newest)
    assert page.evaluate("() => seen") == [{"type": 3, "data": {"items": newest}}]


def test_a_lost_answer_leaves_the_queries_matched_with_their_answers(page):
    open_query_page(page)
    page.evaluate("() => ask('upsal')")
    page.evaluate("() => lose()")  # the worker failed on it: no answer will come
    page.evaluate("() => ask('soedertaelje')")
    page.evaluate("() => answer([])")  # the answer to soedertaelje: tried again as the Swedish spelling
    assert page.evaluate("() => posted.at(-1).data") == "sodertalje sodertalje~2"
    page.evaluate("items => answer(items)", [[doc("kommuner/sodertalje/", sodertalje=False)]])
    note = page.evaluate("() => document.querySelector('.arkiv-search-note').textContent")
    assert note == "Inga exakta träffar för ”soedertaelje”. Visar träffar för liknande stavning.", note


def test_the_index_is_fetched_when_a_query_is_sent_whatever_opened_the_search(page):
    open_query_page(page)
    page.evaluate(REQUEST_INDEX)
    page.wait_for_timeout(300)
    assert not page.evaluate(INDEX_ASKED), "held until the search is used"
    page.evaluate("() => ask('lund')")  # no trigger the script knows came first
    page.wait_for_function(INDEX_ASKED, timeout=5_000)


def test_the_index_is_fetched_when_the_visitor_types_into_a_field(page):
    open_query_page(page)
    page.evaluate(REQUEST_INDEX)
    page.locator("#field").press_sequentially("lu")  # a field the script was not told about
    page.wait_for_function(INDEX_ASKED, timeout=5_000)


def test_a_theme_worker_without_lunr_is_reported_as_the_workers_error(page):
    page.goto(page.base + "plain.html")
    message = page.evaluate("""name => new Promise(resolve => {
      const worker = new Worker('w/arkiv-search.js#' + name);
      worker.onerror = e => resolve(e.message);
      setTimeout(() => resolve(null), 10000);
    })""", THEME)
    assert message and "defined no lunr" in message, message


# The offline frame, opened from the file system as the offline folder is.
def offline_page(browser, folder):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((folder / "offline.html").as_uri())
    return context, tab


# A script that throws says only "Script error.": Chromium hides the message of a file:// script from the page.
@pytest.mark.parametrize("script, says", [("missing.js", "kunde inte läsa"), ("throws.js", "")])
def test_the_offline_worker_raises_error_when_its_script_fails(browser, folder, script, says):
    context, tab = offline_page(browser, folder)
    try:
        found = tab.evaluate("""script => new Promise(resolve => {
          const worker = new Worker(script), got = [];
          worker.addEventListener('error', e => got.push('event: ' + e.message));
          worker.onerror = e => got.push('onerror: ' + e.message);
          worker.postMessage('hello');  // has nowhere to go, and must not hide the error
          setTimeout(() => resolve(got), 1500);
        })""", script)
        assert len(found) == 2 and all(says in line for line in found), found
        assert found[0].startswith("event: ") and found[1].startswith("onerror: ")
    finally:
        context.close()


def test_the_offline_worker_delivers_nothing_after_terminate(browser, folder):
    context, tab = offline_page(browser, folder)
    try:
        got = tab.evaluate("""() => new Promise(resolve => {
          const worker = new Worker('echo.js'), got = [];
          worker.onmessage = e => {
            got.push(e.data);
            if (e.data !== 'first') return;
            worker.frame.contentWindow.postMessage('already on its way');  // an answer queued, not yet delivered
            worker.postMessage('sent after');
            worker.terminate();
            setTimeout(() => resolve(got), 500);
          };
          worker.postMessage('first');
        })""")
        assert got == ["first"], got
    finally:
        context.close()
