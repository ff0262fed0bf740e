/* Loaded async at the top of <head>: asks for the map's points while the stylesheets, Leaflet and
   the other scripts are still arriving, so the database works in parallel with the browser.
   dashboard.js takes the answer if it wants the same URL, else asks again. Self-contained (async
   scripts run in no set order): FILTERS and the URL repeat Basewatch.pointsUrl in common.js, and
   tests/browser/test_dashboard.py checks that the first load asks for the points only once. */
(function () {
  "use strict";
  // Set first: whatever happens below, dashboard.js then knows this script has run.
  window.BasewatchPrefetch = null;
  var FILTERS = ["date_from", "date_to", "base", "faction", "country", "weapon", "claimed", "min_killed",
    "min_injured", "bbox", "q", "status"];
  var given = new URLSearchParams(window.location.search);
  var params = new URLSearchParams();
  var MULTI = ["base"];
  FILTERS.forEach(function (name) {
    var values = given.getAll(name).map(function (v) { return v.trim(); }).filter(Boolean);
    if (MULTI.indexOf(name) < 0) values = values.slice(0, 1);
    values.forEach(function (value) { params.append(name, value); });
  });
  var qs = params.toString();
  var url = document.currentScript.getAttribute("data-api-root") + "incidents/points/" + (qs ? "?" + qs : "");
  var response = window.fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  // A failure here only means dashboard.js asks again.
  response.catch(function () {});
  window.BasewatchPrefetch = { url: url, response: response };
})();
