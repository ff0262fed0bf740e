#!/usr/bin/env node
/* Builds the dashboard's offline basemap: Natural Earth 1:50m country outlines (world-atlas, public
   domain) clipped to the region, plus the region's main cities (incidents/data/basemap_cities.json),
   as one small GeoJSON FeatureCollection. Run by `make vendor`:

     node tools/basemap.js node_modules/world-atlas/countries-50m.json incidents/data/basemap_cities.json OUT

   No dependencies: the TopoJSON is decoded and each ring clipped to the box here. */
"use strict";
const fs = require("fs");

// West, south, east, north: wide enough that the clip edges stay off-screen around the bases.
const BOX = [20, 8, 66, 46];
const DIGITS = 2; // about 1 km: the 1:50m data is no finer

function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function ring(arcs, indexes) {
  const points = [];
  indexes.forEach((i) => {
    const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    arc.forEach((p, k) => { if (k > 0 || points.length === 0) points.push(p); });
  });
  return points;
}

// Sutherland-Hodgman against each edge of the box.
function clip(points) {
  const edges = [
    [(p) => p[0] >= BOX[0], (a, b) => cut(a, b, 0, BOX[0])],
    [(p) => p[0] <= BOX[2], (a, b) => cut(a, b, 0, BOX[2])],
    [(p) => p[1] >= BOX[1], (a, b) => cut(a, b, 1, BOX[1])],
    [(p) => p[1] <= BOX[3], (a, b) => cut(a, b, 1, BOX[3])],
  ];
  let out = points;
  for (const [inside, intersect] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(intersect(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(intersect(prev, cur));
      }
    }
    if (!out.length) return [];
  }
  return out;
}

function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = value;
  return p;
}

function tidy(points) {
  const f = 10 ** DIGITS;
  const out = [];
  points.forEach((p) => {
    const q = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  });
  if (out.length) out.push(out[0]);
  return out.length >= 4 ? out : null;
}

function countries(topology) {
  const arcs = decodeArcs(topology);
  const features = [];
  topology.objects.countries.geometries.forEach((g) => {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    const kept = [];
    polygons.forEach((rings) => {
      const clipped = rings.map((r) => tidy(clip(ring(arcs, r)))).filter(Boolean);
      if (clipped.length) kept.push(clipped);
    });
    if (!kept.length) return;
    features.push({
      type: "Feature",
      properties: { kind: "country", name: g.properties.name },
      geometry: { type: "MultiPolygon", coordinates: kept },
    });
  });
  return features;
}

function cities(data) {
  return data.cities.map((c) => ({
    type: "Feature",
    properties: { kind: "city", name: c.name, country: c.country, capital: c.capital },
    geometry: { type: "Point", coordinates: [c.lon, c.lat] },
  }));
}

function main([topologyPath, citiesPath, outPath]) {
  const topology = JSON.parse(fs.readFileSync(topologyPath, "utf8"));
  const places = JSON.parse(fs.readFileSync(citiesPath, "utf8"));
  const collection = {
    type: "FeatureCollection",
    bbox: BOX,
    attribution: "Natural Earth (public domain), via world-atlas",
    features: countries(topology).concat(cities(places)),
  };
  fs.writeFileSync(outPath, JSON.stringify(collection));
}

main(process.argv.slice(2));
