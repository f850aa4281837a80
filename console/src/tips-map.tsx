import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import type { Tiles } from './api.ts';

export interface MapPoint {
  code: string;
  /** The text shown for the point (its category and status). */
  label: string;
  urgent: boolean;
  location: { latitude: number; longitude: number };
}

/** Vietnam as a whole: where the map opens when no tip has a point. */
const VIETNAM: L.LatLngBoundsExpression = [
  [8.2, 102.1],
  [23.4, 109.5],
];

/** The credit line is shown as HTML by Leaflet: the configured text is escaped first. */
const escaped = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Located tips on a map: a dot each (red when urgent), its code and label on a tap, the tip's page on a second.
 * Drawn as vectors: no marker images to fetch; tiles only from the configured server.
 */
export function TipsMap(props: { points: MapPoint[]; tiles: Tiles | null; onOpen?: (code: string) => void }) {
  const { points, tiles, onOpen } = props;
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const map = L.map(box.current!, { scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    if (tiles) L.tileLayer(tiles.url, { maxZoom: 18, attribution: escaped(tiles.attribution) }).addTo(map);
    const dots = points.map((p) => {
      const at = L.latLng(p.location.latitude, p.location.longitude);
      const dot = L.circleMarker(at, { radius: 8, color: p.urgent ? '#b91c1c' : '#1d4ed8', weight: 2 }).addTo(map);
      // Text nodes only: a tip's words never become markup.
      const popup = document.createElement('div');
      const code = document.createElement(onOpen ? 'button' : 'strong');
      code.textContent = p.code;
      if (onOpen) code.addEventListener('click', () => onOpen(p.code));
      popup.append(code, document.createElement('br'), document.createTextNode(p.label));
      dot.bindPopup(popup);
      return { at, dot, code: p.code };
    });
    if (dots.length) map.fitBounds(L.latLngBounds(dots.map((d) => d.at)), { maxZoom: 15, padding: [24, 24] });
    else map.fitBounds(VIETNAM);
    // Drawn once the map has a view: each dot then says which tip it is.
    for (const { dot, code } of dots) dot.getElement()?.setAttribute('data-code', code);
    return () => void map.remove();
    // Drawn again only when the points or the tiles change, not on every render of the page around it.
  }, [JSON.stringify(points), tiles?.url]);

  return <div ref={box} class="tips-map" data-testid="map" />;
}
