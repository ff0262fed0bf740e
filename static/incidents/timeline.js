/* The home page timeline: incidents per day/week/month stacked by faction or weapon (uPlot),
   killed + injured as a line on a second axis; dragging across it selects a date range.
   The figures are the API's (/api/v1/stats/timeline/), so the chart, the API and the CSV agree:
   a weapon split counts an incident under each of its weapons, the line counts it once. */
(function () {
  "use strict";
  var B = window.Basewatch;
  var DAY = 86400;
  var MAX_GROUPS = 7;
  var OTHER = "other";

  function nextBucket(t, interval) {
    var d = new Date(t * 1000);
    if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    return t + (interval === "week" ? 7 : 1) * DAY;
  }
  function isoDate(t) {
    return new Date(t * 1000).toISOString().slice(0, 10);
  }
  function seconds(period) {
    return B.parseDate(period).getTime() / 1000;
  }

  // The API's answer ({interval, split, results, totals}) as the chart's series: the largest
  // MAX_GROUPS split values, the rest (and incidents without one) summed as "Other or unknown".
  function aggregate(data) {
    var rows = data.results || [], totals = data.totals || [];
    if (!totals.length) return null;
    var sums = {}, labels = {};
    rows.forEach(function (r) {
      var key = r.key == null ? "unknown" : r.key;
      sums[key] = (sums[key] || 0) + r.count;
      labels[key] = r.label || key;
    });
    var keys = Object.keys(sums).sort(function (a, b) {
      return sums[b] - sums[a] || labels[a].localeCompare(labels[b]);
    });
    var keep = keys.filter(function (k) { return k !== "unknown"; }).slice(0, MAX_GROUPS);
    var hasOther = keys.length > keep.length;
    var series = keep.concat(hasOther ? [OTHER] : []);
    var names = series.map(function (k) { return k === OTHER ? "Other or unknown" : labels[k]; });
    var index = {};
    keep.forEach(function (k, i) { index[k] = i; });

    // Every bucket from the first period to the last, empty ones included (the API omits them).
    var times = totals.map(function (r) { return seconds(r.period); });
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    var xs = [];
    for (var t = lo; t <= hi; t = nextBucket(t, data.interval)) xs.push(t);
    var pos = {};
    xs.forEach(function (x, i) { pos[x] = i; });
    var counts = series.map(function () { return xs.map(function () { return 0; }); });
    var casualties = xs.map(function () { return 0; });
    var perPeriod = xs.map(function () { return 0; });
    rows.forEach(function (r) {
      var key = r.key == null ? "unknown" : r.key;
      counts[key in index ? index[key] : series.length - 1][pos[seconds(r.period)]] += r.count;
    });
    var total = 0;
    totals.forEach(function (r) {
      casualties[pos[seconds(r.period)]] += r.killed + r.injured;
      perPeriod[pos[seconds(r.period)]] += r.count;
      total += r.count;
    });
    return { xs: xs, keys: series, names: names, counts: counts, casualties: casualties, total: total, perPeriod: perPeriod };
  }

  function colourFor(key, i, split) {
    if (key === OTHER) return B.OTHER_COLOUR;
    if (split === "weapon") return B.weaponColour(key);
    return B.SERIES_COLOURS[i % B.SERIES_COLOURS.length];
  }

  function Timeline(node, legendNode, onRange) {
    this.node = node;
    this.legendNode = legendNode;
    this.onRange = onRange;
    this.plot = null;
    var self = this;
    window.addEventListener("resize", function () {
      if (self.plot) self.plot.setSize({ width: self._width(), height: self._height() });
    });
    // Keyboard brushing: the same date range a drag gives, without a mouse.
    this.keys = null;  // {xs, interval, totals, cursor, anchor} once drawn
    node.addEventListener("keydown", function (event) { self._key(event); });
    node.addEventListener("blur", function () { self._showKeySelection(false); });
  }

  Timeline.prototype._key = function (event) {
    var k = this.keys;
    if (!k || !k.xs.length) return;
    var last = k.xs.length - 1;
    var move = { ArrowLeft: -1, ArrowRight: 1, PageUp: -10, PageDown: 10 }[event.key];
    if (move !== undefined || event.key === "Home" || event.key === "End") {
      var at = k.cursor === null ? (move < 0 ? last : 0) : k.cursor + (move || 0);
      if (event.key === "Home") at = 0;
      if (event.key === "End") at = last;
      at = Math.max(0, Math.min(last, at));
      if (!event.shiftKey || k.anchor === null) k.anchor = at;
      k.cursor = at;
      this._showKeySelection(true);
      event.preventDefault();
    } else if (event.key === "Enter" && k.cursor !== null) {
      var range = this._keyRange();
      this._showKeySelection(false);
      event.preventDefault();
      if (this.onRange) this.onRange(range[0], range[1]);
    } else if (event.key === "Escape") {
      k.cursor = k.anchor = null;
      this._showKeySelection(false);
    }
  };

  // The selected periods as [first day, last day] (ISO dates).
  Timeline.prototype._keyRange = function () {
    var k = this.keys;
    var lo = Math.min(k.anchor, k.cursor), hi = Math.max(k.anchor, k.cursor);
    return [isoDate(k.xs[lo]), isoDate(nextBucket(k.xs[hi], k.interval) - DAY)];
  };

  Timeline.prototype._showKeySelection = function (show) {
    var k = this.keys, out = document.getElementById("timeline-selection");
    if (!k || !this.plot) return;
    if (!show || k.cursor === null) {
      this.plot.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
      if (out) out.textContent = "";
      return;
    }
    var lo = Math.min(k.anchor, k.cursor), hi = Math.max(k.anchor, k.cursor);
    var left = this.plot.valToPos(k.xs[lo], "x"), right = this.plot.valToPos(nextBucket(k.xs[hi], k.interval), "x");
    this.plot.setSelect({ left: left, width: Math.max(2, right - left), top: 0, height: this.plot.bbox.height / devicePixelRatio }, false);
    var n = 0;
    for (var i = lo; i <= hi; i++) n += k.totals[i];
    var range = this._keyRange();
    if (out) {
      out.textContent = "Selected " + range[0] + " to " + range[1] + ": " + n + " incident" + (n === 1 ? "" : "s") +
        ". Enter filters to these dates, Esc cancels.";
    }
  };
  Timeline.prototype._width = function () { return Math.max(280, this.node.clientWidth || 600); };
  Timeline.prototype._height = function () { return window.innerWidth < 600 ? 200 : 260; };

  // data: the answer of /api/v1/stats/timeline/ for the page's filters, interval and split.
  Timeline.prototype.render = function (data) {
    if (this.plot) { this.plot.destroy(); this.plot = null; }
    this.node.textContent = "";
    this.legendNode.textContent = "";
    var interval = data.interval, split = data.split;
    var agg = aggregate(data);
    this.node.setAttribute("data-interval", interval);
    this.node.setAttribute("data-split", split);
    if (!agg) {
      this.node.setAttribute("data-buckets", "0");
      this.node.setAttribute("data-total", "0");
      this.node.setAttribute("data-series", "");
      this.node.appendChild(B.el("p", { className: "empty", text: "No incidents match these filters." }));
      return;
    }
    this.node.setAttribute("data-buckets", String(agg.xs.length));
    // Incidents, each once (a weapon split may count one under several series).
    this.node.setAttribute("data-total", String(agg.total));
    // Stack: series k holds the sum of groups 0..k; the tallest is drawn first so each shows on top.
    var stacked = [], running = agg.xs.map(function () { return 0; });
    agg.counts.forEach(function (c) {
      running = running.map(function (v, i) { return v + c[i]; });
      stacked.push(running.slice());
    });
    var order = agg.names.map(function (_, i) { return i; }).reverse();
    var bars = uPlot.paths.bars({ size: [0.9, 60], align: 1 });
    var series = [{ value: function (u, v) { return v == null ? "" : isoDate(v); } }];
    var plotData = [agg.xs];
    order.forEach(function (g) {
      var colour = colourFor(agg.keys[g], g, split);
      series.push({
        label: agg.names[g],
        scale: "n",
        fill: colour,
        stroke: colour,
        width: 0,
        paths: bars,
        points: { show: false },
        value: (function (raw) { return function (u, v, s, idx) { return idx == null ? "" : raw[idx]; }; })(agg.counts[g])
      });
      plotData.push(stacked[g]);
    });
    series.push({ label: "Killed + injured", scale: "c", stroke: "#000000", width: 2, dash: [6, 3], points: { show: false } });
    plotData.push(agg.casualties);

    var self = this;
    var half = (interval === "month" ? 15 : interval === "week" ? 3.5 : 0.5) * DAY;
    this.plot = new uPlot({
      width: this._width(),
      height: this._height(),
      cursor: { drag: { x: true, y: false, setScale: false } },
      select: { show: true },
      legend: { live: true },
      scales: {
        x: { time: true, range: function (u, lo, hi) { return [lo - half, hi + 2 * half]; } },
        n: { range: function (u, lo, hi) { return [0, Math.max(1, hi)]; } },
        c: { range: function (u, lo, hi) { return [0, Math.max(1, hi)]; } }
      },
      axes: [
        {},
        { scale: "n", label: "incidents per " + interval },
        { scale: "c", side: 1, label: "killed + injured", grid: { show: false } }
      ],
      series: series,
      hooks: {
        setSelect: [function (u) {
          if (u.select.width < 3) return;
          var from = u.posToVal(u.select.left, "x");
          var to = u.posToVal(u.select.left + u.select.width, "x");
          u.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
          if (self.onRange) self.onRange(isoDate(Math.floor(from / DAY) * DAY), isoDate(Math.floor(to / DAY) * DAY));
        }]
      }
    }, plotData, this.node);
    this.node.setAttribute("data-series", agg.keys.join("|"));
    this.keys = { xs: agg.xs, interval: interval, totals: agg.perPeriod, cursor: null, anchor: null };
    // Per series, the incidents it counts: what tests compare with the API.
    var perSeries = {};
    agg.keys.forEach(function (k, g) { perSeries[k] = agg.counts[g].reduce(function (a, b) { return a + b; }, 0); });
    this.node.setAttribute("data-series-counts", JSON.stringify(perSeries));
  };

  Timeline.aggregate = aggregate;
  window.BasewatchTimeline = Timeline;
})();
