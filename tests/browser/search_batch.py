"""Many queries at once, straight to the site's own search worker, in one browser tab: the ranking a visitor sees,
without typing each query into the box and waiting for the list to settle (tests/browser/search_box.py does that).

The page is opened and its search opened, so the theme loads the index through the site's search script; the message
the theme then sends its worker to set it up is kept. A second worker is started the way the theme starts its own
(`new Worker(...)`, which the site's search script stands in front of: stop words, approximate spelling and the
whole-word weighting all apply), given the same setup, and asked every query in turn. Each result is the theme's list
of pages in order (the page of each group of documents, as the result list shows them), with the words each matched,
the title and text of each document the theme would preview, the notice the search script wrote (approximate
spelling) and the queries it sent the worker. The box must show the same (test_search_ranking.py and
test_search_fuzzy.py type a few queries into it to check).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from search_box import ready_search

# Keeps the theme's setup message (type 0 in mkdocs-material 9) and counts every query the page sends a worker
# (type 2: the one asked, and any the site's search script tries again); installed before the page's scripts, so the
# search script's own sends pass through it.
KEEP_SETUP = """() => { const post = Worker.prototype.postMessage; window.__sent = [];
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 0) window.__setup = message;
    if (message && message.type === 2) window.__sent.push(message.data);
    return post.apply(this, arguments); }; }"""

# Start a worker as the theme does, set it up with the theme's own setup, ask each query and return, per query, its
# pages (each a group of documents: the page, address without #, its title, the title and text of every document the
# theme would preview, and the query words matched), the notice the search script shows and the queries it sent.
ASK_ALL = """async (queries) => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const worker = new Worker(new URL(config.search, location.href));
  const next = () => new Promise(resolve => worker.addEventListener('message', e => resolve(e.data), {once: true}));
  const note = document.querySelector('.arkiv-search-note');
  const ready = next();
  worker.postMessage(window.__setup);
  await ready;
  const out = {};
  for (const query of queries) {
    window.__sent = [];
    const answer = next();
    worker.postMessage({type: 2, data: query});
    const items = (await answer).data.items;
    out[query] = {
      items: items.map(docs => ({
        page: docs[0].location.split('#')[0],
        title: docs[0].title,
        texts: docs.map(d => [d.title || '', d.text || '']),
        terms: docs.reduce((all, d) => { Object.entries(d.terms || {}).forEach(([t, hit]) => {
          all[t] = all[t] || hit; }); return all; }, {}),
      })),
      note: note ? note.textContent.trim() : '',
      sent: window.__sent.filter(s => s),
    };
  }
  worker.terminate();
  return out;
}"""


# Every query's answer from the site's worker, behind the site's search script, in one tab:
# {query: {"pages": [...], "items": [...], "note": "...", "sent": [...]}}; "pages" in the order the list shows them.
def ask_worker(browser, site_url: str, queries) -> dict[str, dict]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(f"({KEEP_SETUP})()")
    try:
        page = context.new_page()
        ready_search(page, site_url + "om/")
        found = page.evaluate(ASK_ALL, list(dict.fromkeys(queries)))
        return {query: {**answer, "pages": [item["page"] for item in answer["items"]]}
                for query, answer in found.items()}
    finally:
        context.close()


# Every query's result pages ("kommuner/lund/", "2025/", "" for the home page), in the order the list shows them.
def ranked_pages(browser, site_url: str, queries) -> dict[str, list[str]]:
    return {query: answer["pages"] for query, answer in ask_worker(browser, site_url, queries).items()}


# A built site served on 127.0.0.1 while the block runs; yields its address. Its pages link relatively.
@contextmanager
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
