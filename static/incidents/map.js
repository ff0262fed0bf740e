/* The home page map: a bases layer and the filtered incidents, clustered on a pixel grid per zoom. */
(function () {
  "use strict";
  var B = window.Basewatch;

  function radiusFor(p) {
    var casualties = (p.killed || 0) + (p.injured || 0);
    return 5 + Math.min(14, 2 * Math.sqrt(casualties));
  }

  function row(label, value) {
    return B.el("div", { className: "popup-row" }, [B.el("dt", { text: label }), B.el("dd", { text: value })]);
  }

  function incidentPopup(p) {
    var weapons = p.weapons.length ? p.weapons.map(B.weaponLabel).join(", ") : "not stated";
    var perpetrator = p.perpetrator ? p.perpetrator + (p.claimed ? " (claimed)" : " (attributed, not claimed)")
      : (p.claimed ? "claimed by an unnamed group" : "unknown, not claimed");
    return B.el("div", { className: "incident-popup", "data-testid": "incident-popup" }, [
      B.el("h3", { text: B.formatDate(p.date, p.precision) }),
      B.el("dl", null, [
        row("Date precision", p.precision),
        row("Base", p.baseName || "—"),
        row("Weapons", weapons),
        row("Launched / intercepted", B.count(p.launched) + " / " + B.count(p.intercepted)),
        row("Killed / injured", B.count(p.killed) + " / " + B.count(p.injured)),
        row("Perpetrator", perpetrator)
      ]),
      p.url ? B.el("a", { href: p.url, className: "popup-link", text: "Open incident page →" }) : null
    ]);
  }

  function basePopup(base, shown) {
    return B.el("div", { className: "base-popup" }, [
      B.el("h3", { text: base.name }),
      B.el("p", { text: shown + " incident" + (shown === 1 ? "" : "s") + " shown with the current filters" }),
      B.el("a", { href: base.url, text: "Open base page →" })
    ]);
  }

  function IncidentMap(node, bases) {
    this.node = node;
    this.bases = bases || [];
    var map = (this.map = L.map(node, { center: [33.5, 41.5], zoom: 5, minZoom: 3, maxZoom: 16, worldCopyJump: true }));
    B.drawBasemap(map, node.getAttribute("data-basemap-url"));
    var tileUrl = node.getAttribute("data-tile-url");
    if (tileUrl) {
      var tiles = L.tileLayer(tileUrl, { attribution: node.getAttribute("data-tile-attribution") || "", maxZoom: 19 });
      // Offline or blocked tiles must not break anything else; just say so once.
      var warned = false;
      tiles.on("tileerror", function () {
        if (warned) return;
        warned = true;
        node.classList.add("tiles-unavailable");
        var status = document.getElementById("map-status");
        if (status) status.textContent = "Background map tiles could not be loaded: showing the built-in outline map (borders, coasts, main cities); incidents and bases are still shown.";
      });
      tiles.addTo(map);
    }
    // Bases sit above the incident circles (overlay pane, 400) but below the clusters (marker pane,
    // 600), so a base never hides a cluster's count nor takes its click.
    map.createPane("bases");
    map.getPane("bases").style.zIndex = 450;
    // The incidents, clustered on a pixel grid at the current zoom and drawn for the visible area only:
    // a filter change or a pan re-clusters the loaded rows in a few milliseconds (Leaflet.markercluster
    // built its tree for every zoom level again on each change: over a second at 50,000 incidents).
    this.clusters = L.layerGroup();
    this.rows = [];
    this.markers = {};  // incident id -> its circle, made once and reused across filter changes
    // The zoom level, for tests and for bench/map.py.
    node.setAttribute("data-zoom", String(map.getZoom()));
    var self = this;
    map.on("zoomend", function () { node.setAttribute("data-zoom", String(map.getZoom())); });
    map.on("moveend", function () { self._draw(); });
    map.addLayer(this.clusters);
    this.baseLayer = L.layerGroup().addTo(map);
    this.baseMarkers = {};
    this._drawBases({});
    L.control.layers(null, { "Bases": this.baseLayer, "Incidents": this.clusters }, { collapsed: true }).addTo(map);
    if (this.bases.length) {
      map.fitBounds(this.bases.map(function (b) { return [b.latitude, b.longitude]; }), { padding: [40, 40], maxZoom: 7 });
    }
  }

  IncidentMap.prototype._drawBases = function (countsBySlug) {
    var self = this;
    this.baseLayer.clearLayers();
    this.bases.forEach(function (base) {
      var shown = countsBySlug[base.slug] || 0;
      var label = base.name + " — " + shown + " incident" + (shown === 1 ? "" : "s");
      var marker = L.marker([base.latitude, base.longitude], {
        pane: "bases",
        title: label,
        alt: label,
        keyboard: true,
        icon: L.divIcon({
          className: "base-icon" + (shown ? " has-incidents" : ""),
          html: "<span class=\"base-count\">" + shown + "</span>",
          iconSize: [10, 10]
        })
      });
      marker.bindPopup(function () { return basePopup(base, shown); });
      marker.base = base;
      self.baseLayer.addLayer(marker);
    });
  };

  // Clusters are cells of this many pixels; from this zoom (a base fills the screen) every incident is drawn.
  var CELL = 60;
  var SINGLE_ZOOM = 14;

  // Web Mercator, 0..1 across the world (what Leaflet projects, without an object per point).
  function mercatorX(lon) { return (lon + 180) / 360; }
  function mercatorY(lat) {
    var s = Math.sin(Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }

  IncidentMap.prototype._marker = function (p) {
    var weapon = B.weaponOf(p);
    var radius = radiusFor(p);
    var key = p.lat + "," + p.lon + "," + weapon + "," + radius;
    var m = this.markers[p.id];
    if (m && m.drawnAs === key) {
      m.incident = p;
      return m;
    }
    m = L.circleMarker([p.lat, p.lon], {
      radius: radius,
      color: "#1b1f24",
      weight: 1,
      fillColor: B.weaponColour(weapon),
      fillOpacity: 0.85,
      className: "incident-marker weapon-" + weapon
    });
    m.incident = p;
    m.drawnAs = key;
    var map = this.map;
    m.on("click", function () {
      L.popup({ maxWidth: 320 }).setLatLng(m.getLatLng()).setContent(incidentPopup(m.incident)).openOn(map);
    });
    this.markers[p.id] = m;
    return m;
  };

  IncidentMap.prototype._clusterMarker = function (cell) {
    var n = cell.n;
    var size = n < 10 ? "small" : n < 100 ? "medium" : n < 1000 ? "large" : "xlarge";
    var px = { small: 30, medium: 36, large: 44, xlarge: 52 }[size];
    var marker = L.marker([cell.lat / n, cell.lon / n], {
      icon: L.divIcon({ html: "<span>" + n + "</span>", className: "incident-cluster incident-cluster-" + size, iconSize: [px, px] }),
      title: n + " incidents: zoom in",
      keyboard: true
    });
    var map = this.map;
    var bounds = L.latLngBounds([cell.south, cell.west], [cell.north, cell.east]);
    marker.on("click", function () {
      // Into the cluster's extent; incidents at one spot open one zoom step at a time.
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), Math.min(map.getMaxZoom(), map.getZoom() + 2));
      else map.fitBounds(bounds, { padding: [20, 20], maxZoom: Math.max(map.getZoom() + 1, Math.min(SINGLE_ZOOM, map.getMaxZoom())) });
    });
    return marker;
  };

  // Clusters the loaded rows that fall in the visible area (with a margin) at the current zoom, and draws them.
  IncidentMap.prototype._draw = function () {
    var map = this.map, rows = this.rows;
    var zoom = map.getZoom();
    var scale = 256 * Math.pow(2, zoom);
    var view = map.getPixelBounds();
    var minX = view.min.x - CELL, minY = view.min.y - CELL, maxX = view.max.x + CELL, maxY = view.max.y + CELL;
    var cells = {};
    var singles = [];
    var perCell = zoom < SINGLE_ZOOM;
    for (var i = 0; i < rows.length; i++) {
      var p = rows[i];
      if (p.mx === undefined) continue;
      var x = p.mx * scale, y = p.my * scale;
      if (x < minX || x > maxX || y < minY || y > maxY) continue;
      if (!perCell) { singles.push(p); continue; }
      var key = Math.floor(x / CELL) + ":" + Math.floor(y / CELL);
      var cell = cells[key];
      if (!cell) {
        cells[key] = { n: 1, lat: p.lat, lon: p.lon, south: p.lat, north: p.lat, west: p.lon, east: p.lon, first: p };
        continue;
      }
      cell.n++;
      cell.lat += p.lat;
      cell.lon += p.lon;
      if (p.lat < cell.south) cell.south = p.lat;
      if (p.lat > cell.north) cell.north = p.lat;
      if (p.lon < cell.west) cell.west = p.lon;
      if (p.lon > cell.east) cell.east = p.lon;
    }
    var layers = [];
    for (var k in cells) {
      var c = cells[k];
      layers.push(c.n === 1 ? this._marker(c.first) : this._clusterMarker(c));
    }
    for (var j = 0; j < singles.length; j++) layers.push(this._marker(singles[j]));
    this.clusters.clearLayers();
    for (var l = 0; l < layers.length; l++) this.clusters.addLayer(layers[l]);
  };

  // rows: Basewatch.pointRows(); redraws clusters and base counts, then calls done().
  IncidentMap.prototype.setPoints = function (rows, done) {
    var counts = {};
    var located = 0;
    for (var i = 0; i < rows.length; i++) {
      var p = rows[i];
      if (p.baseSlug) counts[p.baseSlug] = (counts[p.baseSlug] || 0) + 1;
      if (p.lat == null || p.lon == null) continue;
      p.mx = mercatorX(p.lon);
      p.my = mercatorY(p.lat);
      located++;
    }
    this.map.closePopup();
    this.rows = rows;
    this._draw();
    this._drawBases(counts);
    this.node.setAttribute("data-loaded", String(located));
    if (done) done();
  };

  window.BasewatchMap = IncidentMap;
})();
