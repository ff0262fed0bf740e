/* The home page map: a bases layer and the filtered incidents, clustered (Leaflet.markercluster). */
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

  function clusterIcon(cluster) {
    var n = cluster.getChildCount();
    var size = n < 10 ? "small" : n < 100 ? "medium" : n < 1000 ? "large" : "xlarge";
    var px = { small: 30, medium: 36, large: 44, xlarge: 52 }[size];
    return L.divIcon({
      html: "<span>" + n + "</span>",
      className: "incident-cluster incident-cluster-" + size,
      iconSize: [px, px]
    });
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
    this.clusters = L.markerClusterGroup({
      chunkedLoading: true,
      chunkInterval: 120,
      // Long enough to take a click or a frame; 20 ms per chunk added a fifth to the load.
      chunkDelay: 4,
      // Clustering work grows with the zoom levels a marker stays alone at; from zoom 14 (a base
      // fills the screen) markers are drawn one by one, and identical places still spiderfy at 13.
      disableClusteringAtZoom: 14,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 50,
      iconCreateFunction: clusterIcon
    });
    // The zoom level, for tests and for bench/map.py.
    node.setAttribute("data-zoom", String(map.getZoom()));
    map.on("zoomend", function () { node.setAttribute("data-zoom", String(map.getZoom())); });
    this.clusters.on("click", function (e) {
      var p = e.layer.incident;
      if (p) L.popup({ maxWidth: 320 }).setLatLng(e.layer.getLatLng()).setContent(incidentPopup(p)).openOn(map);
    });
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

  // rows: Basewatch.pointRows(); redraws clusters and base counts, then calls done().
  IncidentMap.prototype.setPoints = function (rows, done) {
    var counts = {};
    var layers = [];
    for (var i = 0; i < rows.length; i++) {
      var p = rows[i];
      if (p.baseSlug) counts[p.baseSlug] = (counts[p.baseSlug] || 0) + 1;
      if (p.lat == null || p.lon == null) continue;
      var weapon = B.weaponOf(p);
      var m = L.circleMarker([p.lat, p.lon], {
        radius: radiusFor(p),
        color: "#1b1f24",
        weight: 1,
        fillColor: B.weaponColour(weapon),
        fillOpacity: 0.85,
        className: "incident-marker weapon-" + weapon
      });
      m.incident = p;
      layers.push(m);
    }
    this.map.closePopup();
    this.clusters.clearLayers();
    var self = this;
    this.clusters.options.chunkProgress = function (processed, total) {
      if (processed !== total) return;
      // The last chunk puts the clusters on the map right after this callback: report after that.
      setTimeout(function () {
        self.node.setAttribute("data-loaded", String(total));
        if (done) done();
      }, 0);
    };
    if (!layers.length) {
      this.node.setAttribute("data-loaded", "0");
      if (done) done();
    }
    // No per-marker "layeradd" events: nothing listens, and 50,000 of them cost time.
    this.clusters.addLayers(layers, true);
    this._drawBases(counts);
  };

  window.BasewatchMap = IncidentMap;
})();
