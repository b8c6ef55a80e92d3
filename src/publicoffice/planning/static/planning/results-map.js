/* Progressive enhancement: draw a run's open sites and newly reached cells.
   The tables of the page say the same without JavaScript or a map. */
(function () {
  "use strict";
  function draw() {
    var element = document.getElementById("result-map");
    var dataElement = document.getElementById("result-map-data");
    if (!element || !dataElement || typeof L === "undefined") { return; }
    var data = JSON.parse(dataElement.textContent || "{}");
    if (element.dataset.markerIcon) {
      L.Icon.Default.imagePath = "";
      L.Icon.Default.mergeOptions({
        imagePath: "",
        iconUrl: element.dataset.markerIcon,
        iconRetinaUrl: element.dataset.markerIconRetina || element.dataset.markerIcon,
        shadowUrl: element.dataset.markerShadow || ""
      });
    }
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution, maxZoom: 19 }).addTo(map);
    var bounds = [];
    (data.cells || []).forEach(function (cell) {
      L.circleMarker([cell.lat, cell.lon], {
        radius: Math.max(3, Math.min(12, Math.sqrt(cell.population))),
        weight: 1, color: "#1d6b3a", fillOpacity: 0.4
      }).bindTooltip(String(cell.population)).addTo(map);
      bounds.push([cell.lat, cell.lon]);
    });
    (data.sites || []).forEach(function (site) {
      L.marker([site.lat, site.lon], { title: site.name, alt: site.name, opacity: site.new ? 1 : 0.6 })
        .bindPopup(document.createTextNode(site.name)).addTo(map);
      bounds.push([site.lat, site.lon]);
    });
    if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24] }); }
    else if (bounds.length === 1) { map.setView(bounds[0], 14); }
    else { map.setView([59.33, 18.0], 9); }
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
