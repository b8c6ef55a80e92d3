/* The kiosk's thank-you screen goes back to the big button by itself, and
   anyone who needs longer can stop that (WCAG 2.2.1 Timing Adjustable).
   Without JavaScript a <noscript> meta refresh goes back instead. */
(function () {
  "use strict";
  function start() {
    var box = document.querySelector(".kiosk-return[data-return-url]");
    if (!box) { return; }
    var seconds = parseInt(box.dataset.seconds, 10) || 6;
    var timer = window.setTimeout(function () {
      window.location.replace(box.dataset.returnUrl);
    }, seconds * 1000);
    var note = box.querySelector("[data-stopped-text]");
    var stay = box.querySelector(".kiosk-stay");
    if (!note || !stay) { return; }
    stay.hidden = false;
    stay.querySelector("button").addEventListener("click", function () {
      window.clearTimeout(timer);
      note.textContent = note.dataset.stoppedText;
      stay.hidden = true;
      var back = document.querySelector(".kiosk-back");
      if (back) { back.focus(); }
    });
  }
  document.addEventListener("DOMContentLoaded", start);
})();
