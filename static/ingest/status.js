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
    var note = byRole("live-note");
    if (note) { note.textContent = ""; }
    // An article in a language the extractor does not read in full: say so before "no incident found"
    var language = byRole("language-note");
    if (language) {
      language.textContent = data.language_note || "";
      language.hidden = !data.language_note;
    }
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
    renderReadings(data);
  }

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  // Every attack the parse read and what became of it (the articles API's "readings").
  function renderReadings(data) {
    var table = byRole("readings");
    if (!table) { return; }
    var body = table.tBodies[0];
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var summary = byRole("readings-summary");
    if (summary) { summary.textContent = data.readings_summary || ""; }
    var rows = data.status === "done" ? data.readings || [] : [];
    if (rows.length === 0) {
      var tr = document.createElement("tr");
      var td = cell(tr, data.status === "done" ? "The parser read no attack in this article." : "Nothing to show: the parse failed.");
      td.colSpan = 7;
      body.appendChild(tr);
      return;
    }
    rows.forEach(function (r) {
      var tr = document.createElement("tr");
      tr.className = "reading reading-" + r.outcome;
      cell(tr, String(r.position));
      var role = cell(tr, r.role_label);
      if (r.role_reason) {
        var why = document.createElement("small");
        why.className = "hint";
        why.setAttribute("data-role", "role-reason");
        why.textContent = r.role_reason;
        role.appendChild(document.createElement("br"));
        role.appendChild(why);
      }
      cell(tr, r.date_label);
      cell(tr, r.site || "\u2014");
      var what = cell(tr, r.summary || "\u2014");
      if (r.sentence) {
        var details = document.createElement("details");
        var label = document.createElement("summary");
        label.textContent = "Sentence";
        var quote = document.createElement("q");
        quote.textContent = r.sentence;
        details.appendChild(label);
        details.appendChild(quote);
        what.appendChild(details);
      }
      var outcome = cell(tr, "");
      outcome.className = "outcome";
      var mark = document.createElement(r.review_url ? "a" : "strong");
      if (r.review_url) { mark.href = r.review_url; }
      mark.textContent = r.outcome_label;
      outcome.appendChild(mark);
      var after = (r.incident_status ? " (" + r.incident_status + ")" : "") + (r.since ? ", " + r.since : "");
      if (after) { outcome.appendChild(document.createTextNode(after)); }
      cell(tr, r.reason);
      body.appendChild(tr);
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
