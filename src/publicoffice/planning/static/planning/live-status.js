// Keeps a progress region up to date while an import or a run goes on.
//
// The region (#live-status, data-live="on") is fetched again from the same
// address every two seconds and its contents replaced; once the fetched
// region says data-live="done", the whole page is loaded again so that the
// result's links and figures appear. Without JavaScript the page has a
// "Check again" link instead: nothing refreshes on its own, which is what
// WCAG 2.2.1 asks of a page that changes by itself.
(function () {
  "use strict";
  var region = document.getElementById("live-status");
  if (!region || region.dataset.live !== "on") return;
  var EVERY_MS = 2000;

  function update() {
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("live-status");
        if (!fresh) return;
        if (fresh.dataset.live !== "on") {
          window.location.reload();
          return;
        }
        region.innerHTML = fresh.innerHTML;
        window.setTimeout(update, EVERY_MS);
      })
      .catch(function () { window.setTimeout(update, EVERY_MS * 3); });
  }
  window.setTimeout(update, EVERY_MS);
})();
