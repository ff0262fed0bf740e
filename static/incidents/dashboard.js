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

  // Multi-valued fields (a <select multiple>) take a list; the others one string.
  function setField(name, value) {
    var input = form.elements[name];
    if (!input) return;
    if (input.multiple) {
      var wanted = Array.isArray(value) ? value : value ? [value] : [];
      Array.prototype.forEach.call(input.options, function (o) { o.selected = wanted.indexOf(o.value) >= 0; });
    } else {
      input.value = (Array.isArray(value) ? value[0] : value) || "";
    }
  }

  function fieldValues(name) {
    var input = form.elements[name];
    if (!input) return null;
    if (input.multiple) {
      return Array.prototype.filter.call(input.options, function (o) { return o.selected; })
        .map(function (o) { return o.value; });
    }
    var value = input.value.trim();
    return value ? [value] : [];
  }

  function filterParams() {
    var params = new URLSearchParams();
    var current = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var values = fieldValues(name);
      if (values === null) values = current.getAll(name).filter(Boolean).slice(0, 1);  // bbox, status: URL only
      values.forEach(function (value) { params.append(name, value); });
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

  // What a field's value must look like; an invalid value in the URL is named on screen and dropped.
  var LABELS = {
    q: "Search text", date_from: "From", date_to: "To", base: "Base", faction: "Faction", weapon: "Weapon",
    country: "Country", claimed: "Claimed", min_killed: "Killed at least", min_injured: "Injured at least",
    bbox: "Map area", status: "Status"
  };
  function optionText(name, value) {
    var input = form.elements[name];
    if (!input || !input.options) return null;
    var match = Array.prototype.filter.call(input.options, function (o) { return o.value === value && value; })[0];
    return match ? match.textContent : null;
  }
  function invalidReason(name, value) {
    var input = form.elements[name];
    if (!input) return null;
    if (input.options) return optionText(name, value) === null ? "not one of the choices" : null;
    if (input.type === "date") {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || isNaN(B.parseDate(value).getTime()) ||
          B.parseDate(value).toISOString().slice(0, 10) !== value) return "not a date (YYYY-MM-DD)";
      return null;
    }
    if (input.type === "number") return /^\d{1,7}$/.test(value) ? null : "not a whole number of 0 or more";
    if (name === "q" && value.length > 200) return "longer than 200 characters";
    return null;
  }

  var dropped = [];
  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    dropped = [];
    FILTERS.forEach(function (name) {
      var values = params.getAll(name).map(function (v) { return v.trim(); }).filter(Boolean);
      var ok = values.filter(function (value) {
        var reason = invalidReason(name, value);
        if (reason) dropped.push({ name: name, value: value, reason: reason });
        return !reason;
      });
      setField(name, ok);
    });
    intervalSelect.value = ["day", "week", "month"].indexOf(params.get("interval")) >= 0 ? params.get("interval") : VIEW.interval;
    splitSelect.value = ["faction", "weapon"].indexOf(params.get("split")) >= 0 ? params.get("split") : VIEW.split;
    page = Math.max(1, parseInt(params.get("page"), 10) || 1);
    // Dropped values leave the URL too, so a shared link says what is really shown.
    if (dropped.length) writeUrl(false, true);
  }

  function writeUrl(push, force) {
    var qs = pageParams().toString();
    var url = window.location.pathname + (qs ? "?" + qs : "");
    if (!force && url === window.location.pathname + window.location.search) return;
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

  // --- Active filters as removable chips; problems named on screen -------------------------------

  var chipsNode = document.getElementById("active-filters");
  var noticeNode = document.getElementById("filter-notice");

  function chipLabel(name, value) {
    var text = optionText(name, value);
    if (name === "q") text = "\u201c" + value + "\u201d";
    if (name === "claimed") text = value === "true" ? "yes" : "no";
    return (LABELS[name] || name) + ": " + (text || value);
  }

  function renderChips(params) {
    chipsNode.textContent = "";
    var any = false;
    FILTERS.forEach(function (name) {
      params.getAll(name).forEach(function (value) {
        any = true;
        var label = chipLabel(name, value);
        var button = B.el("button", {
          type: "button", className: "chip", "data-filter": name, "data-value": value,
          "aria-label": "Remove filter " + label
        }, [B.el("span", { text: label }), B.el("span", { className: "chip-x", "aria-hidden": "true", text: "\u00d7" })]);
        button.addEventListener("click", function () { removeFilter(name, value); });
        chipsNode.appendChild(B.el("li", null, [button]));
      });
    });
    if (!any) chipsNode.appendChild(B.el("li", { className: "chips-none", text: "None: every published incident is shown." }));
  }

  function removeFilter(name, value) {
    var input = form.elements[name];
    if (input && input.multiple) {
      Array.prototype.forEach.call(input.options, function (o) { if (o.value === value) o.selected = false; });
    } else if (input) {
      input.value = "";
    } else {
      // A URL-only filter (bbox, status): drop it from the address.
      var params = new URLSearchParams(window.location.search);
      params.delete(name);
      window.history.replaceState(null, "", window.location.pathname + (params.toString() ? "?" + params : ""));
    }
    apply(true);
    // Keep the keyboard where it was: on the next chip, or the panel's heading.
    var next = chipsNode.querySelector("button.chip");
    (next || document.getElementById("filters-title")).focus();
  }

  function fieldError(name, message) {
    var node = document.getElementById(form.elements[name] ? form.elements[name].id + "-error" : "");
    var input = form.elements[name];
    if (!node || !input) return false;
    node.textContent = message || "";
    node.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    return true;
  }

  function clearProblems() {
    FILTERS.forEach(function (name) { fieldError(name, ""); });
    noticeNode.textContent = "";
    noticeNode.hidden = true;
  }

  function notice(lines, action) {
    noticeNode.textContent = "";
    noticeNode.appendChild(B.el("ul", null, lines.map(function (line) { return B.el("li", { text: line }); })));
    if (action) noticeNode.appendChild(action);
    noticeNode.hidden = false;
  }

  // Client-side checks before asking: values dropped from the URL, a reversed date range.
  function showProblems(params) {
    clearProblems();
    var lines = [];
    dropped.forEach(function (d) {
      lines.push("Ignored from the address: " + (LABELS[d.name] || d.name) + " \u201c" + d.value + "\u201d is " +
        d.reason + ", so it was removed and is not filtering.");
      fieldError(d.name, "\u201c" + d.value + "\u201d was " + d.reason + " and was removed.");
    });
    var from = params.get("date_from"), to = params.get("date_to"), swap = null;
    if (from && to && from > to) {
      lines.push("The start date (" + from + ") is after the end date (" + to + "): no incident can match. " +
        "Swap them, or change one.");
      fieldError("date_from", "After the end date " + to + ".");
      fieldError("date_to", "Before the start date " + from + ".");
      swap = B.el("button", { type: "button", className: "secondary", id: "swap-dates", text: "Swap the dates" });
      swap.addEventListener("click", function () {
        setField("date_from", to);
        setField("date_to", from);
        apply(true);
      });
    }
    if (lines.length) notice(lines, swap);
  }

  // A 400 from the API names the parameters it refused: show each by its field.
  function showApiErrors(body) {
    var errors = body && typeof body === "object" ? body.errors || body.fields || body : {};
    var lines = [];
    Object.keys(errors).forEach(function (name) {
      var messages = [].concat(errors[name]).map(function (m) { return typeof m === "string" ? m : JSON.stringify(m); });
      if (!messages.length || name === "detail" || name === "status_code") return;
      var text = messages.join(" ");
      fieldError(name, text);
      lines.push((LABELS[name] || name) + ": " + text);
    });
    if (!lines.length && body && body.detail) lines.push(String(body.detail));
    notice(["The server refused these filters:"].concat(lines.length ? lines : ["(no reason given)"]));
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
    renderChips(params);
    showProblems(params);
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
        if (response.status === 400) {
          return response.json().catch(function () { return {}; }).then(function (body) {
            showApiErrors(body);
            var error = new Error("the server refused the filters (see above)");
            error.shown = true;
            throw error;
          });
        }
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
    dropped = [];
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
    dropped = [];
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
