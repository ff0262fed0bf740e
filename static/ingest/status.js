// Live status of an article's parse: polls the articles API (GET /api/v1/articles/<id>/, named in
// data-status-url) until the article is done or failed. No inline script, no external libraries (strict CSP).
(function () {
  "use strict";
  var box = document.getElementById("article-status");
  if (!box) { return; }
  var url = box.getAttribute("data-status-url");
  var labels = { queued: "Queued", processing: "Processing", done: "Done", failed: "Failed" };
  var delay = 800;

  function byRole(role) { return box.querySelector('[data-role="' + role + '"]'); }

  function render(data) {
    var status = byRole("status");
    status.textContent = labels[data.status] || data.status;
    status.className = "status status-" + data.status;
    box.setAttribute("data-status", data.status);
    byRole("error").textContent = data.error ? "— " + data.error : "";
    if (!data.finished) { return; }
    var list = byRole("incidents");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (data.status === "done" && data.incidents.length === 0) {
      var none = document.createElement("li");
      none.textContent = "No incident found in this article.";
      list.appendChild(none);
    }
    data.incidents.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.review_url;
      a.textContent = item.label;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + item.outcome + " (" + item.role + ", " + item.status + ")"));
      list.appendChild(li);
    });
    renderSkipped(data.status === "done" ? data.skipped || [] : null);
  }

  // What the parse read but neither kept nor linked: "<role> <date> <where>: <reason>" each.
  function renderSkipped(entries) {
    var list = byRole("skipped");
    if (!list) { return; }
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (entries === null || entries.length === 0) {
      var none = document.createElement("li");
      none.textContent = entries === null ? "Nothing to show: the parse failed." : "None: every attack read was kept or linked.";
      list.appendChild(none);
      return;
    }
    entries.forEach(function (entry) {
      var cut = entry.indexOf(": ");
      var li = document.createElement("li");
      var what = document.createElement("strong");
      what.textContent = cut >= 0 ? entry.slice(0, cut) : entry;
      li.appendChild(what);
      li.appendChild(document.createTextNode(" — " + (cut >= 0 ? entry.slice(cut + 2) : "no reason recorded")));
      list.appendChild(li);
    });
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        render(data);
        if (!data.finished) { setTimeout(poll, delay); }
      })
      .catch(function () { delay = Math.min(delay * 2, 10000); setTimeout(poll, delay); });
  }

  var current = box.getAttribute("data-status");
  if (current !== "done" && current !== "failed") { setTimeout(poll, delay); }
})();
