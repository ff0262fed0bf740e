/* The home page timeline: incidents per day/week/month stacked by faction or weapon (uPlot),
   killed + injured as a line on a second axis; dragging across it selects a date range. */
(function () {
  "use strict";
  var B = window.Basewatch;
  var DAY = 86400;
  var MAX_GROUPS = 7;

  function bucketStart(date, interval) {
    var d = new Date(date.getTime());
    if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
    if (interval === "week") {
      var dow = (d.getUTCDay() + 6) % 7; // Monday-based weeks
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - dow) / 1000;
    }
    return d.getTime() / 1000;
  }
  function nextBucket(t, interval) {
    var d = new Date(t * 1000);
    if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
    return t + (interval === "week" ? 7 : 1) * DAY;
  }
  function isoDate(t) {
    return new Date(t * 1000).toISOString().slice(0, 10);
  }

  // Bucket the incidents; an incident with several weapons counts under the first one reported.
  function aggregate(props, interval, split) {
    var rows = props.filter(function (p) { return p.date; });
    if (!rows.length) return null;
    var totals = {};
    rows.forEach(function (p) {
      p._group = split === "weapon" ? B.weaponOf(p) : (p.perpetrator || "Unknown");
      totals[p._group] = (totals[p._group] || 0) + 1;
    });
    var groups = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a] || a.localeCompare(b); });
    var keep = groups.filter(function (g) { return g !== "Unknown"; }).slice(0, MAX_GROUPS);
    var hasOther = groups.length > keep.length;
    var names = keep.concat(hasOther ? ["Other or unknown"] : []);
    var index = {};
    keep.forEach(function (g, i) { index[g] = i; });

    var times = rows.map(function (p) { return bucketStart(B.parseDate(p.date), interval); });
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    var xs = [];
    for (var t = lo; t <= hi; t = nextBucket(t, interval)) xs.push(t);
    var pos = {};
    xs.forEach(function (x, i) { pos[x] = i; });
    var counts = names.map(function () { return xs.map(function () { return 0; }); });
    var casualties = xs.map(function () { return 0; });
    rows.forEach(function (p, i) {
      var k = pos[times[i]];
      var g = p._group in index ? index[p._group] : names.length - 1;
      counts[g][k] += 1;
      casualties[k] += (p.killed || 0) + (p.injured || 0);
    });
    return { xs: xs, names: names, counts: counts, casualties: casualties, split: split };
  }

  function colourFor(name, i, split) {
    if (name === "Other or unknown") return B.OTHER_COLOUR;
    if (split === "weapon") return B.weaponColour(name);
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
  }
  Timeline.prototype._width = function () { return Math.max(280, this.node.clientWidth || 600); };
  Timeline.prototype._height = function () { return window.innerWidth < 600 ? 200 : 260; };

  // props: the incidents' properties as read by Basewatch.props().
  Timeline.prototype.render = function (props, interval, split) {
    if (this.plot) { this.plot.destroy(); this.plot = null; }
    this.node.textContent = "";
    this.legendNode.textContent = "";
    var agg = aggregate(props, interval, split);
    this.node.setAttribute("data-interval", interval);
    this.node.setAttribute("data-split", split);
    if (!agg) {
      this.node.setAttribute("data-buckets", "0");
      this.node.appendChild(B.el("p", { className: "empty", text: "No incidents match these filters." }));
      return;
    }
    this.node.setAttribute("data-buckets", String(agg.xs.length));
    this.node.setAttribute("data-total", String(agg.counts.reduce(function (s, c) {
      return s + c.reduce(function (a, b) { return a + b; }, 0);
    }, 0)));
    // Stack: series k holds the sum of groups 0..k; the tallest is drawn first so each shows on top.
    var stacked = [], running = agg.xs.map(function () { return 0; });
    agg.counts.forEach(function (c) {
      running = running.map(function (v, i) { return v + c[i]; });
      stacked.push(running.slice());
    });
    var order = agg.names.map(function (_, i) { return i; }).reverse();
    var bars = uPlot.paths.bars({ size: [0.9, 60], align: 1 });
    var series = [{ value: function (u, v) { return v == null ? "" : isoDate(v); } }];
    var data = [agg.xs];
    order.forEach(function (g) {
      var colour = colourFor(agg.names[g], g, split);
      series.push({
        label: split === "weapon" ? B.weaponLabel(agg.names[g]) : agg.names[g],
        scale: "n",
        fill: colour,
        stroke: colour,
        width: 0,
        paths: bars,
        points: { show: false },
        value: (function (raw) { return function (u, v, s, idx) { return idx == null ? "" : raw[idx]; }; })(agg.counts[g])
      });
      data.push(stacked[g]);
    });
    series.push({ label: "Killed + injured", scale: "c", stroke: "#000000", width: 2, dash: [6, 3], points: { show: false } });
    data.push(agg.casualties);

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
    }, data, this.node);
    this.node.setAttribute("data-series", agg.names.join("|"));
  };

  window.BasewatchTimeline = Timeline;
})();
