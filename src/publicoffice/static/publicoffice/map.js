/* Progressive enhancement: draw the offices of the list on a Leaflet map.
   Without JavaScript (or without tiles) the list beside it says the same. */
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
  function draw() {
    var element = document.getElementById("network-map") || document.getElementById("office-map");
    var dataElement = document.getElementById("map-data");
    if (!element || !dataElement || typeof L === "undefined") { return; }
    if (element._leaflet_map) { element._leaflet_map.remove(); }
    var points = JSON.parse(dataElement.textContent || "[]");
    useStaticIcons(element.dataset);
    var map = L.map(element, { scrollWheelZoom: false });
    element._leaflet_map = map;
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);
    var bounds = [];
    points.forEach(function (point) {
      var marker = L.marker([point.lat, point.lng], { title: point.name, alt: point.name });
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
      marker.bindPopup(popup).addTo(map);
      bounds.push([point.lat, point.lng]);
    });
    if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24] }); }
    else if (bounds.length === 1) { map.setView(bounds[0], 15); }
    else { map.setView([59.33, 18.0], 9); }
  }
  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
