/* Sökningen när sajten öppnas från filsystemet (skrivs bara av `dev.py build --offline`, arkiv.building.offline; laddas
   av overrides/main.html före alla andra skript).
   mkdocs-material runs its search in a web worker, and a browser will not start a worker from a file:// page. Here the
   theme's own worker script runs in a hidden frame of the page instead. The frame is about:blank, so it shares the
   page's origin and its Content-Security-Policy, and nothing in it is inline script: this script gives the frame the
   worker's two globals (postMessage, importScripts) and loads the worker's script from the site with a script element.
   The page and the worker exchange the same messages as they would with a real worker, each a structured clone.
   Like a real worker, it fails loudly: a script that cannot be loaded, or that throws, fires an `error` event (and
   onerror) at the page, and after terminate() nothing more reaches the page, not even an answer already on its way.
   Over http(s) this script does nothing. (mkdocs-material's offline plugin loads the iframe-worker shim from a CDN for
   the same purpose; that shim writes inline script into its frame.) */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  // Run scripts in the frame one after the other, each resolved against the worker's own address, like importScripts;
  // a script that imports others while it runs (arkiv-search.js imports the theme's) queues them behind itself.
  function loader(frame, base, worker) {
    return function () {
      var urls = Array.prototype.slice.call(arguments);
      return worker.loading = urls.reduce(function (done, url) {
        return done.then(function () {
          return new Promise(function (resolve, reject) {
            var doc = frame.contentDocument, script = doc.createElement("script");
            script.src = new URL(url, base).href;
            script.onload = resolve;
            script.onerror = function () {
              var error = new Error("kunde inte läsa " + script.src);
              worker.fail(error);
              reject(error);
            };
            doc.body.appendChild(script);
          });
        });
      }, worker.loading);
    };
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this, base = new URL(String(url), document.baseURI).href;
      this.onmessage = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.title = "Sökningen";
      this.frame.setAttribute("aria-hidden", "true");
      document.body.appendChild(this.frame);
      this.onerror = null;
      this.terminated = false;
      var scope = this.frame.contentWindow;
      // The worker's answers reach the page a moment later, as a real worker's would.
      scope.postMessage = function (data) {
        var copy = structuredClone(data);
        setTimeout(function () { worker.deliver(copy); });
      };
      // An error thrown by the worker's scripts is the worker's error, as in a real worker.
      scope.addEventListener("error", function (event) { worker.fail(event.error || new Error(event.message)); });
      this.loading = Promise.resolve();
      scope.importScripts = loader(this.frame, base, this);
      scope.arkivWorkerAddress = base;  // what self.location is in a real worker (arkiv-search.js reads its #)
      scope.importScripts(base);
    }
    // Settles once every script queued so far has run, and any it queued in turn.
    idle() {
      var worker = this, loading = this.loading;
      return loading.then(function () { return loading === worker.loading ? null : worker.idle(); });
    }
    // A message from the page to the worker, once the worker's script has run.
    postMessage(data) {
      var worker = this, copy = structuredClone(data);
      this.idle().then(function () {
        if (!worker.terminated) worker.frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: copy }));
      }, function () {});  // a script that failed has fired its error already; the message has nowhere to go
    }
    // A message from the worker to the page: to the listeners, and to onmessage as on a real worker.
    deliver(data) {
      if (this.terminated) return;
      var event = new MessageEvent("message", { data: data });
      this.dispatchEvent(event);
      if (typeof this.onmessage === "function") this.onmessage(event);
    }
    // The worker's error to the page: an `error` event, and to onerror as on a real worker.
    fail(error) {
      if (this.terminated) return;
      var event = new ErrorEvent("error", { error: error, message: String(error && error.message || error) });
      this.dispatchEvent(event);
      if (typeof this.onerror === "function") this.onerror(event);
    }
    terminate() {
      this.terminated = true;
      this.frame.remove();
    }
  }

  window.Worker = FileWorker;
})();
