/* Wires the home page together: the filter form <-> the URL <-> the API, and the map, timeline,
   counts, list and export links that all show the same filtered set. */
(function () {
  "use strict";
  var B = window.Basewatch;
  var FILTERS = B.FILTERS;
  var VIEW = { interval: "week", split: "faction" };

  var form = document.getElementById("filter-form");
  var mapNode = document.getElementById("map");
  var apiRoot = mapNode.getAttribute("data-api-root");
  // An incident's page: this prefix, its id and "/" (the template gives the URL of incident 0).
  var incidentPrefix = (mapNode.getAttribute("data-incident-url") || "/incidents/0/").replace(/0\/$/, "");
  var countsNode = document.getElementById("summary-counts");
  var rowsNode = document.getElementById("incident-rows");
  var pagerNode = document.getElementById("incident-pager");
  var pageSize = parseInt(pagerNode.getAttribute("data-page-size"), 10) || 25;
  var intervalSelect = document.getElementById("t-interval");
  var splitSelect = document.getElementById("t-split");
  var clearButton = document.getElementById("t-clear");

  var map = new window.BasewatchMap(mapNode, B.readJSON("bases-data"));
  var timeline = new window.BasewatchTimeline(document.getElementById("timeline"),
    document.getElementById("timeline-legend"), function (from, to) {
      setField("date_from", from);
      setField("date_to", to);
      apply(true);
    });

  var rows = [];
  var sorted = [];
  var page = 1;
  var inflight = null;
  var generation = 0;
  var timelineRequest = null;
  var timelineGeneration = 0;

  function setField(name, value) {
    var input = form.elements[name];
    if (input) input.value = value || "";
  }

  function filterParams() {
    var params = new URLSearchParams();
    var current = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var input = form.elements[name];
      var value = input ? input.value.trim() : (current.get(name) || "");
      if (value) params.set(name, value);
    });
    return params;
  }

  function pageParams() {
    var params = filterParams();
    if (intervalSelect.value !== VIEW.interval) params.set("interval", intervalSelect.value);
    if (splitSelect.value !== VIEW.split) params.set("split", splitSelect.value);
    if (page > 1) params.set("page", String(page));
    return params;
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) { setField(name, params.get(name)); });
    intervalSelect.value = ["day", "week", "month"].indexOf(params.get("interval")) >= 0 ? params.get("interval") : VIEW.interval;
    splitSelect.value = ["faction", "weapon"].indexOf(params.get("split")) >= 0 ? params.get("split") : VIEW.split;
    page = Math.max(1, parseInt(params.get("page"), 10) || 1);
  }

  function writeUrl(push) {
    var qs = pageParams().toString();
    var url = window.location.pathname + (qs ? "?" + qs : "");
    if (url === window.location.pathname + window.location.search) return;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  function updateExports(params) {
    var qs = params.toString();
    ["csv", "geojson"].forEach(function (format) {
      var link = document.getElementById("export-" + format);
      link.href = apiRoot + "incidents/?format=" + format + (qs ? "&" + qs : "");
    });
    clearButton.hidden = !(params.get("date_from") || params.get("date_to"));
  }

  function summarise() {
    var killed = 0, injured = 0, launched = 0, bases = {};
    rows.forEach(function (p) {
      killed += p.killed || 0;
      injured += p.injured || 0;
      launched += p.launched || 0;
      if (p.baseSlug) bases[p.baseSlug] = true;
    });
    countsNode.textContent = rows.length.toLocaleString("en") + " incident" + (rows.length === 1 ? "" : "s") +
      " at " + Object.keys(bases).length + (Object.keys(bases).length === 1 ? " base · " : " bases · ") + killed.toLocaleString("en") + " killed · " +
      injured.toLocaleString("en") + " injured · " + launched.toLocaleString("en") + " projectiles reported launched";
    countsNode.setAttribute("data-count", String(rows.length));
  }

  function cell(text) { return B.el("td", { text: text }); }

  function renderList() {
    var pages = Math.max(1, Math.ceil(sorted.length / pageSize));
    page = Math.min(page, pages);
    rowsNode.textContent = "";
    var slice = sorted.slice((page - 1) * pageSize, page * pageSize);
    if (!slice.length) {
      rowsNode.appendChild(B.el("tr", null, [B.el("td", { colspan: "7", text: "No incidents match these filters." })]));
    }
    slice.forEach(function (p) {
      var link = p.url ? B.el("a", { href: p.url, text: B.formatDate(p.date, p.precision) }) : B.formatDate(p.date, p.precision);
      rowsNode.appendChild(B.el("tr", null, [
        B.el("td", null, [link]),
        cell(p.baseName || "—"),
        cell(p.weapons.map(B.weaponLabel).join(", ") || "—"),
        cell(B.count(p.launched) + " / " + B.count(p.intercepted)),
        cell(p.killed == null ? "—" : String(p.killed)),
        cell(p.injured == null ? "—" : String(p.injured)),
        cell(p.perpetrator ? p.perpetrator + (p.claimed ? " (claimed)" : "") : "unknown")
      ]));
    });
    pagerNode.textContent = "";
    if (pages <= 1) return;
    function pageButton(label, target, disabled) {
      var button = B.el("button", { type: "button", className: "secondary", text: label, disabled: disabled || null });
      button.addEventListener("click", function () { page = target; writeUrl(true); renderList(); });
      return button;
    }
    pagerNode.appendChild(pageButton("← Newer", page - 1, page <= 1));
    pagerNode.appendChild(B.el("span", { text: "Page " + page + " of " + pages, "aria-live": "polite" }));
    pagerNode.appendChild(pageButton("Older →", page + 1, page >= pages));
  }

  // The timeline's figures come from the API (stats/timeline/), for the same filters as the map;
  // calls back once it is drawn (or could not be).
  function loadTimeline(done) {
    var mine = ++timelineGeneration;
    if (timelineRequest) timelineRequest.abort();
    timelineRequest = window.AbortController ? new AbortController() : null;
    var params = filterParams();
    params.set("interval", intervalSelect.value);
    params.set("split", splitSelect.value);
    fetch(apiRoot + "stats/timeline/?" + params.toString(), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: timelineRequest ? timelineRequest.signal : undefined
    }).then(function (response) {
      if (!response.ok) throw new Error("The timeline API answered " + response.status);
      return response.json();
    }).then(function (data) {
      if (mine !== timelineGeneration) return;
      timeline.render(data);
      mark("timeline");
      done(true);
    }).catch(function (error) {
      if (error && error.name === "AbortError") return;
      if (mine === timelineGeneration) done(false);
    });
  }

  function reloadTimeline() {
    writeUrl(true);
    document.body.setAttribute("data-loading", "true");
    loadTimeline(function (ok) { document.body.setAttribute("data-loading", ok ? "false" : "error"); });
  }

  // Named steps of a load, for bench/map.py (performance.getEntriesByType("mark")).
  function mark(name) {
    if (window.performance && performance.mark) performance.mark("basewatch:" + name);
  }

  // Calls back with prefetch.js's request (once; null afterwards), waiting for that async script
  // if it has not run yet.
  function withPrefetch(callback) {
    var script = document.getElementById("points-prefetch");
    function take() {
      var prefetched = window.BasewatchPrefetch;
      window.BasewatchPrefetch = null;
      callback(prefetched);
    }
    if (window.BasewatchPrefetch !== undefined || !script) return take();
    script.addEventListener("load", take);
    script.addEventListener("error", take);
  }

  function load() {
    var params = filterParams();
    updateExports(params);
    var mine = ++generation;
    if (inflight) inflight.abort();
    inflight = window.AbortController ? new AbortController() : null;
    countsNode.textContent = "Loading incidents…";
    document.body.setAttribute("data-loading", "true");
    // Loaded when both the clustered map and the timeline are drawn.
    var pending = 2, failed = false;
    function finished(ok) {
      failed = failed || !ok;
      if (--pending === 0 && mine === generation) document.body.setAttribute("data-loading", failed ? "error" : "false");
    }
    loadTimeline(finished);
    // The compact points (a few dozen bytes an incident, gzipped), not the GeoJSON export; the
    // first load finds them already asked for by prefetch.js.
    var url = B.pointsUrl(apiRoot, params);
    var signal = inflight ? inflight.signal : undefined;
    withPrefetch(function (prefetched) {
      var request = prefetched && prefetched.url === url ? prefetched.response : fetch(url, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: signal
      });
      request.then(function (response) {
        if (!response.ok) throw new Error("The incident API answered " + response.status);
        return response.json();
      }).then(function (data) {
        if (mine !== generation) return;
        mark("parsed");
        rows = B.pointRows(data, incidentPrefix);
        // Newest first, as the API sends them: the list needs no sort.
        sorted = rows;
        // Clusters first: they are what a reader looks at; the rest follows in the same task.
        map.setPoints(rows, function () {
          mark("clustered");
          finished(true);
        });
        mark("markers");
        summarise();
        renderList();
        mark("list");
      }).catch(function (error) {
        if (error && error.name === "AbortError") return;
        countsNode.textContent = "Could not load incidents: " + error.message;
        document.body.setAttribute("data-loading", "error");
      });
    });
  }

  function apply(push) {
    page = 1;
    writeUrl(push);
    load();
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("change", function () { apply(true); });
  document.getElementById("filter-reset").addEventListener("click", function (event) {
    event.preventDefault();
    form.reset();
    FILTERS.forEach(function (name) { setField(name, ""); });
    window.history.pushState(null, "", window.location.pathname);
    readUrl();
    load();
  });
  clearButton.addEventListener("click", function () {
    setField("date_from", "");
    setField("date_to", "");
    apply(true);
  });
  intervalSelect.addEventListener("change", reloadTimeline);
  splitSelect.addEventListener("change", reloadTimeline);
  window.addEventListener("popstate", function () { readUrl(); load(); });

  readUrl();
  load();
})();
