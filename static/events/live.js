// Live state pushed to a page: the ceremony's big screen and audience page, the contest
// final's screen, the check-in desk's counters, a background job's progress. An element with
// data-live-stream follows a Server-Sent Events stream: each event carries the state rendered
// in the page's language, and the browser's EventSource reconnects by itself,
// sending the last event id so the server answers only what changed. Where the stream cannot
// be opened (a proxy or firewall blocks it), the element polls the state partial instead,
// revalidated with its ETag. An element with data-live-done opens that address once the state
// it shows carries data-live-finished (a job that ended). No inline scripts.
(function () {
  "use strict";

  var FAILURES_BEFORE_POLLING = 2;
  var RETRY_CLOSED_MS = 2000;

  function show(element, html) {
    element.innerHTML = html;
    var done = element.getAttribute("data-live-done");
    if (done && element.querySelector("[data-live-finished]")) {
      window.location.assign(done);
    }
  }

  function poll(element) {
    var url = element.getAttribute("data-live-poll");
    var every = parseInt(element.getAttribute("data-live-every") || "2000", 10);
    element.setAttribute("data-live-mode", "polling");

    function tick() {
      // "no-cache": the browser revalidates with If-None-Match; a 304 reuses its copy.
      fetch(url, { cache: "no-cache", credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html !== null && html !== element.getAttribute("data-live-html")) {
            element.setAttribute("data-live-html", html);
            show(element, html);
          }
        })
        .catch(function () {})
        .finally(function () { window.setTimeout(tick, every); });
    }
    tick();
  }

  function follow(element) {
    if (!("EventSource" in window)) {
      poll(element);
      return;
    }
    var url = element.getAttribute("data-live-stream");
    var lastId = element.getAttribute("data-live-id");
    if (lastId) {
      // A new EventSource does not send Last-Event-ID by itself: name it in the address.
      url += (url.indexOf("?") < 0 ? "?" : "&") + "lastEventId=" + encodeURIComponent(lastId);
    }
    var source = new EventSource(url);
    var failures = 0;
    source.addEventListener("open", function () {
      failures = 0;
      element.setAttribute("data-live-opened", "1");
      element.setAttribute("data-live-mode", "stream");
    });
    source.addEventListener("state", function (event) {
      element.setAttribute("data-live-id", event.lastEventId);
      show(element, event.data);
    });
    source.addEventListener("error", function () {
      element.setAttribute("data-live-mode", "reconnecting");
      failures += 1;
      var opened = element.hasAttribute("data-live-opened");
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (an error page instead of a stream). A stream that worked
        // before is tried again; one that never opened is replaced by polling.
        if (opened) {
          window.setTimeout(function () { follow(element); }, RETRY_CLOSED_MS);
        } else {
          poll(element);
        }
      } else if (!opened && failures >= FAILURES_BEFORE_POLLING) {
        // Never opened: something on the way blocks streams.
        source.close();
        poll(element);
      }
    });
  }

  function setUp() {
    document.querySelectorAll("[data-live-stream]").forEach(follow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
