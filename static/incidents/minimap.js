/* Small static maps on the incident, base and faction pages; charts of incidents per month. */
(function () {
  "use strict";
  var B = window.Basewatch;

  function minimap(node) {
    var points = B.readJSON(node.getAttribute("data-points-id")) || [];
    if (!points.length || !window.L) return;
    var map = L.map(node, { scrollWheelZoom: false, zoomControl: true, attributionControl: true });
    B.drawBasemap(map, node.getAttribute("data-basemap-url"));
    var tiles = node.getAttribute("data-tile-url");
    if (tiles) {
      L.tileLayer(tiles, { attribution: node.getAttribute("data-tile-attribution") || "" })
        .on("tileerror", function () { node.classList.add("tiles-unavailable"); })
        .addTo(map);
    }
    var bounds = [];
    points.forEach(function (p) {
      var latlng = [p.lat, p.lon];
      bounds.push(latlng);
      var layer;
      if (p.kind === "base") {
        layer = L.marker(latlng, {
          title: p.label,
          alt: p.label,
          icon: L.divIcon({ className: "base-icon", html: "", iconSize: [12, 12] })
        });
      } else {
        layer = L.circleMarker(latlng, {
          radius: 8, color: "#222", weight: 1, fillColor: B.weaponColour(p.kind), fillOpacity: 0.9
        });
      }
      var content = B.el("span", null, [p.url ? B.el("a", { href: p.url, text: p.label }) : p.label]);
      layer.bindPopup(content).addTo(map);
    });
    if (bounds.length === 1) map.setView(bounds[0], 9);
    else map.fitBounds(bounds, { padding: [20, 20], maxZoom: 9 });
  }

  function monthly(node) {
    var rows = B.readJSON(node.getAttribute("data-series-id")) || [];
    if (!rows.length || !window.uPlot) return;
    var xs = rows.map(function (r) { return B.parseDate(r.month).getTime() / 1000; });
    var width = Math.max(280, node.clientWidth || 600);
    new uPlot({
      width: width,
      height: 220,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, n: { range: function (u, lo, hi) { return [0, Math.max(1, hi)]; } } },
      axes: [{}, { scale: "n", label: "incidents" }, { scale: "c", side: 1, label: "killed + injured", grid: { show: false } }],
      series: [
        {},
        { label: "Incidents", scale: "n", fill: "#0072B2", stroke: "#0072B2", paths: uPlot.paths.bars({ size: [0.8, 40] }) },
        { label: "Killed + injured", scale: "c", stroke: "#D55E00", width: 2, points: { show: true } }
      ]
    }, [xs, rows.map(function (r) { return r.count; }), rows.map(function (r) { return r.casualties; })], node);
  }

  document.querySelectorAll("[data-minimap]").forEach(minimap);
  document.querySelectorAll("[data-monthly-chart]").forEach(monthly);
})();
