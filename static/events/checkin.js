// Check-in desk. Scans QR codes with the device camera (the browser's BarcodeDetector, or the
// vendored jsQR decoder where there is none: iOS Safari, the WeChat browser). Keeps working
// when the venue's network drops: scans are queued on the device (localStorage) with an id
// made here, shown as pending, and sent to the server when the network is back; the server
// applies each id once. No inline scripts.
(function () {
  "use strict";

  var SYNC_EVERY_MS = 10000;
  var SYNC_BATCH = 100;

  function submitCode(code) {
    var form = document.querySelector("[data-checkin-form]");
    if (!form) return;
    form.querySelector("input[name=code]").value = code;
    form.requestSubmit();
  }

  // --- Offline queue -----------------------------------------------------------------------

  function newScanId() {
    // crypto.randomUUID needs HTTPS; getRandomValues works on the venue's plain HTTP too.
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
      hex.slice(20)].join("-");
  }

  function setUpQueue() {
    var desk = document.querySelector("[data-offline-desk]");
    var form = document.querySelector("[data-checkin-form]");
    if (!desk || !form || !window.localStorage) return;
    var key = "tb-checkin-queue:" + desk.getAttribute("data-event");
    var list = desk.querySelector("[data-scan-list]");
    var status = desk.querySelector("[data-scan-status]");
    var syncing = false;
    var lastCode = "";

    function load() {
      try {
        return JSON.parse(window.localStorage.getItem(key)) || [];
      } catch (error) {
        return [];
      }
    }

    function save(queue) {
      window.localStorage.setItem(key, JSON.stringify(queue));
    }

    function label(name) {
      return desk.getAttribute("data-label-" + name) || "";
    }

    function show(entry, outcome, text) {
      var item = list.querySelector('[data-scan-id="' + entry.id + '"]');
      if (!item) {
        item = document.createElement("li");
        item.setAttribute("data-scan-id", entry.id);
        list.insertBefore(item, list.firstChild);
      }
      item.className = "ev-scan ev-scan-" + outcome;
      item.textContent = "";
      var code = document.createElement("strong");
      code.textContent = entry.code;
      var note = document.createElement("span");
      note.textContent = text;
      item.appendChild(code);
      item.appendChild(note);
    }

    function refresh() {
      var queue = load();
      queue.forEach(function (entry) { show(entry, "pending", label("pending")); });
      desk.hidden = !list.children.length;
      status.textContent = queue.length ? label("waiting") + ": " + queue.length : "";
    }

    function enqueue(code) {
      code = code.trim();
      if (!code) return;
      var queue = load();
      queue.push({ id: newScanId(), code: code, scanned_at: new Date().toISOString() });
      save(queue);
      form.querySelector("input[name=code]").value = "";
      refresh();
    }

    function sync() {
      var queue = load();
      if (syncing || !queue.length || navigator.onLine === false) return;
      syncing = true;
      var progressed = false;
      var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
      fetch(desk.getAttribute("data-sync-url"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token },
        body: JSON.stringify({ scans: queue.slice(0, SYNC_BATCH) }),
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        if (!answer) return;
        progressed = true;
        var done = {};
        answer.results.forEach(function (result) {
          done[result.id] = result;
        });
        load().forEach(function (entry) {
          var result = done[entry.id];
          if (!result) return;
          var outcome = { checked_in: "ok", already: "warn" }[result.outcome] || "error";
          var text = result.outcome === "checked_in"
            ? result.message + ": " + result.name
            : result.message;
          show(entry, outcome, text);
        });
        save(load().filter(function (entry) { return !done[entry.id]; }));
        refresh();
        if (window.htmx) window.htmx.trigger(document.body, "checked-in");
      }).catch(function () {}).finally(function () {
        syncing = false;
        // More than one batch waiting: send the next at once.
        if (progressed && load().length) window.setTimeout(sync, 0);
      });
    }

    // Offline, the desk's form is not sent: its code joins the queue instead.
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      if (event.detail.elt !== form) return;
      lastCode = form.querySelector("input[name=code]").value;
      if (navigator.onLine === false) {
        event.preventDefault();
        enqueue(lastCode);
      }
    });
    // The network failed on the way: keep the scan too.
    document.body.addEventListener("htmx:sendError", function (event) {
      if (event.detail.elt === form) enqueue(lastCode);
    });
    window.addEventListener("online", sync);
    window.setInterval(sync, SYNC_EVERY_MS);
    refresh();
    sync();
  }

  // --- Camera ------------------------------------------------------------------------------

  function loadJsQR(src) {
    return new Promise(function (resolve, reject) {
      if (window.jsQR) return resolve(window.jsQR);
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(window.jsQR); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // A detector with the BarcodeDetector interface: detect(video) → [{rawValue}].
  function makeDetector(section) {
    if ("BarcodeDetector" in window) {
      var native = new window.BarcodeDetector({ formats: ["qr_code"] });
      return Promise.resolve(native);
    }
    return loadJsQR(section.getAttribute("data-jsqr")).then(function (jsQR) {
      var canvas = document.createElement("canvas");
      var context = canvas.getContext("2d", { willReadFrequently: true });
      return {
        detect: function (video) {
          var width = video.videoWidth;
          var height = video.videoHeight;
          if (!width || !height) return Promise.resolve([]);
          canvas.width = width;
          canvas.height = height;
          context.drawImage(video, 0, 0, width, height);
          var image = context.getImageData(0, 0, width, height);
          var found = jsQR(image.data, width, height, { inversionAttempts: "dontInvert" });
          return Promise.resolve(found ? [{ rawValue: found.data }] : []);
        },
      };
    });
  }

  function setUpCamera() {
    var section = document.querySelector("[data-scanner]");
    if (!section || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    section.hidden = false;
    var video = section.querySelector("[data-scan-video]");
    var start = section.querySelector("[data-scan-start]");
    var stop = section.querySelector("[data-scan-stop]");
    var detector = null;
    var stream = null;
    var lastCode = "";
    var lastAt = 0;

    function halt() {
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      video.hidden = true;
      stop.hidden = true;
      start.hidden = false;
    }

    function scan() {
      if (!stream) return;
      detector.detect(video).then(function (codes) {
        var now = Date.now();
        // The same badge stays in front of the camera for a while: submit it once.
        if (codes.length && (codes[0].rawValue !== lastCode || now - lastAt > 4000)) {
          lastCode = codes[0].rawValue;
          lastAt = now;
          submitCode(lastCode);
        }
      }).catch(function () {}).finally(function () {
        if (stream) window.setTimeout(scan, 250);
      });
    }

    start.addEventListener("click", function () {
      makeDetector(section).then(function (made) {
        detector = made;
        return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      }).then(function (s) {
        stream = s;
        video.srcObject = s;
        video.hidden = false;
        stop.hidden = false;
        start.hidden = true;
        return video.play();
      }).then(scan).catch(halt);
    });
    stop.addEventListener("click", halt);
  }

  function setUp() {
    setUpQueue();
    setUpCamera();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
