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
  var WEAPON_LABELS = {
    rocket: "Rocket", drone: "Drone", missile: "Missile", mortar: "Mortar",
    ied: "IED", small_arms: "Small arms", unknown: "Unknown"
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

  function nameOf(value, fallbackName) {
    if (value && typeof value === "object") return value.name || value.slug || "";
    return fallbackName || value || "";
  }
  function slugOf(value, fallbackSlug) {
    if (value && typeof value === "object") return value.slug || "";
    return fallbackSlug || (typeof value === "string" ? value : "");
  }

  // Tolerant accessors for the API's GeoJSON feature properties.
  function props(feature) {
    var p = feature.properties || {};
    return {
      id: p.id,
      date: p.date,
      precision: p.date_precision || "day",
      baseName: nameOf(p.base, p.base_name) || p.place || "",
      baseSlug: slugOf(p.base, p.base_slug),
      weapons: Array.isArray(p.weapons) ? p.weapons : [],
      launched: p.launched,
      intercepted: p.intercepted,
      killed: p.killed,
      injured: p.injured,
      perpetrator: nameOf(p.perpetrator, p.perpetrator_name),
      perpetratorSlug: slugOf(p.perpetrator, p.perpetrator_slug),
      claimed: !!p.claimed,
      url: p.url || (p.id ? "/incidents/" + p.id + "/" : null)
    };
  }

  function weaponOf(p) {
    return p.weapons.length ? p.weapons[0] : "unknown";
  }
  function weaponColour(weapon) {
    return WEAPON_COLOURS[weapon] || WEAPON_COLOURS.unknown;
  }
  function weaponLabel(weapon) {
    return WEAPON_LABELS[weapon] || weapon;
  }
  function count(value) {
    return value === null || value === undefined ? "?" : String(value);
  }
  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  window.Basewatch = {
    WEAPON_COLOURS: WEAPON_COLOURS,
    SERIES_COLOURS: SERIES_COLOURS,
    OTHER_COLOUR: OTHER_COLOUR,
    el: el,
    parseDate: parseDate,
    formatDate: formatDate,
    props: props,
    weaponOf: weaponOf,
    weaponColour: weaponColour,
    weaponLabel: weaponLabel,
    count: count,
    readJSON: readJSON
  };
})();
