/* Progressive enhancement: draw offices on a Leaflet map.
   Without JavaScript (or without tiles) the list beside it says the same.

   The office page gives its one point in #map-data. The home page gives the
   address of the compact GeoJSON of the network (data-geojson, with the
   list's filters) and the bounds of every matching office (data-bounds): the
   map asks for the markers of the area it shows, again after every move,
   and the server groups them by grid cells of the zoom level, so a network
   of thousands costs the browser a few hundred markers at most. */
(function () {
  "use strict";
  /* Leaflet guesses its marker images' folder from leaflet.css; with hashed
     static file names (production) the guess fails and every page asked for
     marker-icon.png next to itself. The page gives the real addresses. */
  function useStaticIcons(data) {
    if (!data.markerIcon) { return; }
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
      imagePath: "",
      iconUrl: data.markerIcon,
      iconRetinaUrl: data.markerIconRetina || data.markerIcon,
      shadowUrl: data.markerShadow || ""
    });
  }
  function officeMarker(point, latlng) {
    var marker = L.marker(latlng, { title: point.name, alt: point.name });
    var popup = document.createElement("div");
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    popup.appendChild(link);
    [point.status].concat(point.notes || []).forEach(function (text) {
      if (!text) { return; }
      var line = document.createElement("p");
      line.textContent = text;
      popup.appendChild(line);
    });
    return marker.bindPopup(popup);
  }
  /* A round badge with the number of offices; choosing it zooms to them. */
  function clusterMarker(map, properties, latlng) {
    var badge = document.createElement("span");
    badge.textContent = String(properties.count);
    var style = badge.style;
    style.display = "flex"; style.alignItems = "center"; style.justifyContent = "center";
    style.inlineSize = "100%"; style.blockSize = "100%"; style.borderRadius = "50%";
    style.background = "#1b1b1f"; style.color = "#ffffff"; style.fontWeight = "700";
    style.border = "3px solid #ffffff"; style.boxSizing = "border-box";
    var size = properties.count < 100 ? 36 : 44;
    var icon = L.divIcon({ html: badge, className: "map-cluster", iconSize: [size, size] });
    var marker = L.marker(latlng, { icon: icon, title: properties.label, alt: properties.label });
    marker.on("click", function () {
      var box = properties.bbox;
      var target = L.latLngBounds([box[1], box[0]], [box[3], box[2]]);
      if (map.getZoom() >= map.getMaxZoom()) { return; }
      map.fitBounds(target, { padding: [32, 32], maxZoom: Math.max(map.getZoom() + 1, map.getBoundsZoom(target)) });
    });
    return marker;
  }
  function startView(map, text) {
    var b = (text || "").split(",").map(Number);
    if (b.length !== 4 || b.some(isNaN)) { map.setView([59.33, 18.0], 9); }
    else if (b[0] === b[2] && b[1] === b[3]) { map.setView([b[1], b[0]], 15); }
    else { map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { padding: [24, 24] }); }
  }
  function clamp(value, low, high) { return Math.min(high, Math.max(low, value)).toFixed(5); }
  function drawNetwork(map, element) {
    var layer = L.layerGroup().addTo(map);
    var asked = 0;
    function load() {
      var area = map.getBounds().pad(0.1);
      var bbox = [
        clamp(area.getWest(), -180, 180), clamp(area.getSouth(), -90, 90),
        clamp(area.getEast(), -180, 180), clamp(area.getNorth(), -90, 90)
      ].join(",");
      var mine = ++asked;
      var url = element.dataset.geojson + "&bbox=" + bbox + "&zoom=" + Math.round(map.getZoom());
      fetch(url, { headers: { Accept: "application/geo+json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data || mine !== asked) { return; }
          layer.clearLayers();
          data.features.forEach(function (feature) {
            var c = feature.geometry.coordinates;
            var latlng = [c[1], c[0]];
            var p = feature.properties;
            layer.addLayer(p.count ? clusterMarker(map, p, latlng) : officeMarker(p, latlng));
          });
        })
        .catch(function () { /* the list beside the map says the same */ });
    }
    startView(map, element.dataset.bounds);
    map.on("moveend", load);
    load();
  }
  function drawPoints(map, dataElement) {
    var points = JSON.parse(dataElement.textContent || "[]");
    var bounds = [];
    points.forEach(function (point) {
      officeMarker(point, [point.lat, point.lng]).addTo(map);
      bounds.push([point.lat, point.lng]);
    });
    if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24] }); }
    else if (bounds.length === 1) { map.setView(bounds[0], 15); }
    else { map.setView([59.33, 18.0], 9); }
  }
  function draw() {
    var element = document.getElementById("network-map") || document.getElementById("office-map");
    var dataElement = document.getElementById("map-data");
    if (!element || typeof L === "undefined") { return; }
    if (!element.dataset.geojson && !dataElement) { return; }
    if (element._leaflet_map) { element._leaflet_map.remove(); }
    useStaticIcons(element.dataset);
    var map = L.map(element, { scrollWheelZoom: false });
    element._leaflet_map = map;
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);
    if (element.dataset.geojson) { drawNetwork(map, element); }
    else { drawPoints(map, dataElement); }
  }
  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
