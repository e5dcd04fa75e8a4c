// Check-in desk: scan QR codes with the device camera where the browser offers
// BarcodeDetector; the typed-code form works everywhere else. No inline scripts.
(function () {
  "use strict";

  function submitCode(code) {
    var form = document.querySelector("[data-checkin-form]");
    if (!form) return;
    form.querySelector("input[name=code]").value = code;
    form.requestSubmit();
  }

  function setUp() {
    var section = document.querySelector("[data-scanner]");
    if (!section || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
    section.hidden = false;
    var video = section.querySelector("[data-scan-video]");
    var start = section.querySelector("[data-scan-start]");
    var stop = section.querySelector("[data-scan-stop]");
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
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
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (s) {
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
