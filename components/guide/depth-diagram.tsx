// The needle-depth diagram as inline SVG (a few kB, drawn on the server into
// the static page): skin layers from the surface (left) down (right), and per
// area a solid bar for the home range and an outlined bar for the published
// professional range, for information only. The figures come from the guide
// version's depth table (lib/guides/depth-diagram.ts); the table that follows
// on the page is the full text alternative, the caption a short one.
import { depthTicks, describeDepthDiagram, SKIN_LAYERS, type DepthDiagram } from "@/lib/guides/depth-diagram";

const W = 720;
const LABEL_W = 150;
const X0 = LABEL_W + 10;
const X1 = 600;
const TOP = 56;
const ROW = 28;

export function DepthDiagramFigure({ diagram, id = "depth-diagram" }: { diagram: DepthDiagram; id?: string }) {
  const d = diagram;
  const x = (mm: number) => Math.round((X0 + (mm / d.scaleMaxMm) * (X1 - X0)) * 10) / 10;
  const bottom = TOP + d.areas.length * ROW;
  const height = bottom + 70;
  const descId = `${id}-desc`;
  return (
    <figure className="rounded-lg border border-line bg-white p-3" data-testid="depth-diagram">
      {/* On a phone the drawing keeps a readable size and scrolls sideways in its own box (focusable, so keys scroll it too). */}
      <div className="overflow-x-auto" role="region" aria-label="Depth diagram" tabIndex={0}>
        <svg
          viewBox={`0 0 ${W} ${height}`}
          width={W}
          height={height}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={descId}
          className="h-auto w-full min-w-[34rem]"
          fontFamily="inherit"
          fontSize="12"
        >
          <title id={`${id}-title`}>Needle depth by area, drawn over the layers of the skin</title>
          <defs>
            <linearGradient id={`${id}-dermis`} x1={x(SKIN_LAYERS.dermisFromMm)} x2={x(SKIN_LAYERS.dermisToMm)} gradientUnits="userSpaceOnUse">
              <stop offset="0" stopColor="#f3cfbd" />
              <stop offset="1" stopColor="#fbf1e8" />
            </linearGradient>
          </defs>
          {/* Layers */}
          <rect x={X0} y={TOP - 8} width={X1 - X0} height={bottom - TOP + 16} fill="#fbf1e8" />
          <rect x={X0} y={TOP - 8} width={x(SKIN_LAYERS.dermisToMm) - X0} height={bottom - TOP + 16} fill={`url(#${id}-dermis)`} />
          <rect x={X0} y={TOP - 8} width={x(SKIN_LAYERS.epidermisMm) - X0} height={bottom - TOP + 16} fill="#e9b9a2" />
          <text x={X0 + 2} y={14} fill="#8a5a44" fontSize="11">
            Epidermis
          </text>
          <text x={x(SKIN_LAYERS.epidermisMm) + 40} y={14} fill="#8a5a44" fontSize="11">
            Dermis (thickness varies by area)
          </text>
          {x(SKIN_LAYERS.dermisToMm) + 4 < X1 - 60 && (
            <text x={X1 - 4} y={14} fill="#8a5a44" fontSize="11" textAnchor="end">
              Below the dermis
            </text>
          )}
          {/* Home limits */}
          <line x1={x(d.beginnerMaxMm)} x2={x(d.beginnerMaxMm)} y1={TOP - 26} y2={bottom + 8} stroke="#22504a" strokeDasharray="3 3" />
          <line x1={x(d.homeFaceMaxMm)} x2={x(d.homeFaceMaxMm)} y1={TOP - 26} y2={bottom + 8} stroke="#22504a" strokeWidth="2" strokeDasharray="6 3" />
          <text x={x(d.beginnerMaxMm) - 3} y={TOP - 16} textAnchor="end" fill="#22504a" fontSize="11" data-mark="beginner">
            {d.beginnerMaxMm} mm start
          </text>
          <text x={x(d.homeFaceMaxMm) + 3} y={TOP - 16} fill="#22504a" fontSize="11" fontWeight="600" data-mark="home-limit">
            {d.homeFaceMaxMm} mm home limit
          </text>
          {/* One row per area */}
          {d.areas.map((a, i) => {
            const y = TOP + i * ROW;
            return (
              <g key={a.slug} data-area={a.slug}>
                <text x={LABEL_W} y={y + 14} textAnchor="end" fill="#1f2a2e">
                  {a.label}
                </text>
                {a.professional && (
                  <rect
                    x={x(a.professional.minMm)}
                    y={y + 3}
                    width={Math.max(2, x(a.professional.maxMm) - x(a.professional.minMm))}
                    height={14}
                    rx={3}
                    fill="#ffffff"
                    fillOpacity="0.5"
                    stroke="#56656b"
                    strokeDasharray="4 2"
                    data-professional={`${a.professional.minMm}-${a.professional.maxMm}`}
                  />
                )}
                {a.home && (
                  <rect x={X0} y={y + 5} width={x(a.home.maxMm) - X0} height={10} rx={2} fill="#2f6b63" data-home={`${a.home.minMm}-${a.home.maxMm}`} />
                )}
                <text x={X1 + 8} y={y + 14} fill={a.home ? "#22504a" : "#8a4b0f"} fontSize="11">
                  {a.home ? `home ${a.home.minMm === a.home.maxMm ? a.home.maxMm : `${a.home.minMm}–${a.home.maxMm}`} mm` : "professional only"}
                </text>
              </g>
            );
          })}
          {/* Depth axis */}
          <line x1={X0} x2={X1} y1={bottom + 8} y2={bottom + 8} stroke="#56656b" />
          {depthTicks(d).map((mm) => (
            <g key={mm}>
              <line x1={x(mm)} x2={x(mm)} y1={bottom + 8} y2={bottom + 13} stroke="#56656b" />
              <text x={x(mm)} y={bottom + 26} textAnchor="middle" fill="#56656b" fontSize="11">
                {mm}
              </text>
            </g>
          ))}
          <text x={X1 + 8} y={bottom + 26} fill="#56656b" fontSize="11">
            mm deep
          </text>
          {/* Legend */}
          <rect x={X0} y={bottom + 42} width={22} height={10} rx={2} fill="#2f6b63" />
          <text x={X0 + 28} y={bottom + 51} fill="#1f2a2e" fontSize="11">
            Home depth
          </text>
          <rect x={X0 + 120} y={bottom + 40} width={22} height={14} rx={3} fill="#ffffff" stroke="#56656b" strokeDasharray="4 2" />
          <text x={X0 + 148} y={bottom + 51} fill="#1f2a2e" fontSize="11">
            Professional range, for information only
          </text>
        </svg>
      </div>
      <figcaption id={descId} className="mt-2 text-sm text-muted">
        {describeDepthDiagram(d)} The table below gives each figure.
      </figcaption>
    </figure>
  );
}
