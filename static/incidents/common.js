/* Shared helpers for the dashboard scripts: palette, formatting, DOM building (never innerHTML with data). */
(function () {
  "use strict";

  // Okabe–Ito, a palette distinguishable with the common colour-vision deficiencies.
  var WEAPON_COLOURS = {
    rocket: "#E69F00",
    drone: "#0072B2",
    missile: "#D55E00",
    mortar: "#009E73",
    ied: "#CC79A7",
    small_arms: "#56B4E9",
    unknown: "#999999"
  };
  var SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];
  var OTHER_COLOUR = "#BBBBBB";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "text") node.textContent = value;
        else if (key === "className") node.className = value;
        else node.setAttribute(key, value === true ? "" : value);
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function parseDate(iso) {
    var p = String(iso).split("-");
    return new Date(Date.UTC(+p[0], (+p[1] || 1) - 1, +p[2] || 1));
  }

  // The date written no finer than it is known (mirrors Incident.date_display).
  function formatDate(iso, precision) {
    if (!iso) return "date unknown";
    var d = parseDate(iso);
    var day = String(d.getUTCDate()).padStart(2, "0");
    var mon = MONTHS[d.getUTCMonth()];
    var year = d.getUTCFullYear();
    if (precision === "year") return String(year);
    if (precision === "month") return LONG_MONTHS[d.getUTCMonth()] + " " + year;
    if (precision === "week") return "week of " + day + " " + mon + " " + year;
    return day + " " + mon + " " + year;
  }

  // Query parameters the API filters on (the same on every endpoint); the page's other parameters
  // (interval, split, page) are view settings.
  var FILTERS = ["date_from", "date_to", "base", "faction", "country", "weapon", "claimed", "min_killed",
    "min_injured", "bbox", "q", "status"];

  // Filters that take several values (?base=a&base=b); the others take the first one given.
  var MULTI = ["base"];

  // The map points' URL for the filters among these query parameters (a string or URLSearchParams).
  // prefetch.js repeats this: keep the two alike.
  function pointsUrl(apiRoot, search) {
    var given = new URLSearchParams(search);
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var values = given.getAll(name).map(function (v) { return v.trim(); }).filter(Boolean);
      if (MULTI.indexOf(name) < 0) values = values.slice(0, 1);
      values.forEach(function (value) { params.append(name, value); });
    });
    var qs = params.toString();
    return apiRoot + "incidents/points/" + (qs ? "?" + qs : "");
  }

  var NO_REF = { slug: "", name: "" };

  // The API's map points (incidents/points/: one array per column, newest first) as one object
  // per incident, the shape the map, timeline, counts and list read. urlPrefix + id + "/" is
  // an incident's page.
  function pointRows(data, urlPrefix) {
    var n = (data && data.count) || 0;
    var bases = data.bases || {}, factions = data.factions || {};
    var rows = new Array(n);
    for (var i = 0; i < n; i++) {
      var base = data.base[i] == null ? NO_REF : bases[data.base[i]] || NO_REF;
      var perpetrator = data.perpetrator[i] == null ? NO_REF : factions[data.perpetrator[i]] || NO_REF;
      var id = data.id[i];
      rows[i] = {
        id: id,
        lat: data.lat[i],
        lon: data.lon[i],
        date: data.date[i],
        precision: data.date_precision[i] || "day",
        baseName: base.name || data.place[i] || "",
        baseSlug: base.slug,
        weapons: data.weapons[i] || [],
        launched: data.launched[i],
        intercepted: data.intercepted[i],
        killed: data.killed[i],
        injured: data.injured[i],
        perpetrator: perpetrator.name,
        perpetratorSlug: perpetrator.slug,
        claimed: !!data.claimed[i],
        url: urlPrefix + id + "/"
      };
    }
    return rows;
  }

  function weaponOf(p) {
    return p.weapons.length ? p.weapons[0] : "unknown";
  }
  function weaponColour(weapon) {
    return WEAPON_COLOURS[weapon] || WEAPON_COLOURS.unknown;
  }
  // The labels of the Weapon choices, as the server sends them (json_script "weapon-labels").
  var weaponLabels = null;
  function weaponLabel(weapon) {
    if (weaponLabels === null) weaponLabels = readJSON("weapon-labels") || {};
    return weaponLabels[weapon] || weapon;
  }
  function count(value) {
    return value === null || value === undefined ? "?" : String(value);
  }
  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // The offline basemap (static/vendor/basemap/region.json: Natural Earth country outlines clipped
  // to the region, and its main cities) in panes beneath the tiles (tile pane: 200). Opaque tiles
  // cover it when they load; when they cannot, it is what the reader sees.
  function drawBasemap(map, url) {
    if (!url) return;
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 150;
    map.createPane("basemap-labels");
    map.getPane("basemap-labels").style.zIndex = 160;
    map.getPane("basemap-labels").style.pointerEvents = "none";
    var renderer = L.svg({ pane: "basemap" });
    fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("basemap " + response.status);
      return response.json();
    }).then(function (data) {
      var countries = data.features.filter(function (f) { return f.properties.kind === "country"; });
      var cities = data.features.filter(function (f) { return f.properties.kind === "city"; });
      L.geoJSON({ type: "FeatureCollection", features: countries }, {
        pane: "basemap",
        renderer: renderer,
        interactive: false,
        style: { color: "#8a8f98", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1, className: "basemap-country" }
      }).addTo(map);
      cities.forEach(function (f) {
        var c = f.geometry.coordinates;
        L.marker([c[1], c[0]], {
          pane: "basemap-labels",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: "basemap-city" + (f.properties.capital ? " capital" : ""),
            html: "<span class=\"basemap-dot\" aria-hidden=\"true\"></span><span class=\"basemap-name\"></span>",
            iconSize: [8, 8],
            iconAnchor: [4, 4]
          })
        }).addTo(map).getElement().querySelector(".basemap-name").textContent = f.properties.name;
      });
      map.getContainer().setAttribute("data-basemap", String(countries.length));
    }).catch(function () {
      map.getContainer().setAttribute("data-basemap", "error");
    });
  }

  window.Basewatch = {
    WEAPON_COLOURS: WEAPON_COLOURS,
    SERIES_COLOURS: SERIES_COLOURS,
    OTHER_COLOUR: OTHER_COLOUR,
    el: el,
    parseDate: parseDate,
    formatDate: formatDate,
    FILTERS: FILTERS,
    MULTI: MULTI,
    pointsUrl: pointsUrl,
    pointRows: pointRows,
    weaponOf: weaponOf,
    weaponColour: weaponColour,
    weaponLabel: weaponLabel,
    count: count,
    readJSON: readJSON,
    drawBasemap: drawBasemap
  };
})();
