package dev.backprop.cli.report;

/**
 * The report's style sheet, inlined into the page so that it needs no other file. System font
 * stacks only: a web font would need the network or bloat the page.
 */
final class Styles {

    private Styles() {
    }

    static final String CSS = """
            :root {
              --text: #1f2328; --muted: #5b6472; --faint: #8a929c; --line: #e3e6ea; --grid: #eceef1;
              --panel: #ffffff; --page: #f5f6f8; --accent: #0072B2;
            }
            * { box-sizing: border-box; }
            html { -webkit-text-size-adjust: 100%; }
            body {
              margin: 0; background: var(--page); color: var(--text);
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans",
                "Helvetica Neue", Arial, sans-serif;
            }
            .page { max-width: 1180px; margin: 0 auto; padding: 32px 28px 40px; }
            header { margin-bottom: 20px; }
            .kicker {
              margin: 0; color: var(--accent); font-size: 12px; font-weight: 600;
              letter-spacing: 0.08em; text-transform: uppercase;
            }
            h1 { margin: 4px 0 6px; font-size: 28px; line-height: 1.2; font-weight: 650; overflow-wrap: anywhere; }
            .meta { margin: 0; color: var(--muted); font-size: 14px; }
            .meta span + span::before { content: "\\00b7"; margin: 0 8px; color: var(--faint); }
            h2 { margin: 0 0 14px; font-size: 17px; font-weight: 620; }
            h3 { margin: 0 0 6px; font-size: 14px; font-weight: 600; color: var(--text); }
            .card {
              background: var(--panel); border: 1px solid var(--line); border-radius: 10px;
              padding: 20px 24px; margin: 18px 0; box-shadow: 0 1px 2px rgba(16, 24, 40, 0.04);
            }
            .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 14px; }
            .tile {
              background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px;
              box-shadow: 0 1px 2px rgba(16, 24, 40, 0.04);
            }
            .tile-label {
              color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: 0.04em;
              text-transform: uppercase; overflow-wrap: anywhere;
            }
            .tile-value { font-size: 26px; font-weight: 620; font-variant-numeric: tabular-nums; line-height: 1.3; }
            .tile-note { color: var(--faint); font-size: 12px; }
            .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 22px 28px; }
            figure { margin: 0; min-width: 0; }
            .note { margin: 6px 0 0; color: var(--muted); font-size: 13px; }
            svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
            svg.chart { width: 100%; }
            svg text { fill: var(--text); font-size: 12px; }
            svg .tick { fill: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
            svg .axis-title { fill: var(--muted); font-size: 12px; font-weight: 600; }
            svg .grid { stroke: var(--grid); stroke-width: 1; }
            svg .axis, svg .tick-mark { stroke: var(--faint); stroke-width: 1; }
            svg .series polyline { stroke-width: 2.2; stroke-linejoin: round; stroke-linecap: round; }
            svg .series circle { stroke-width: 1.6; }
            svg .legend line { stroke-width: 2.2; }
            svg .legend circle { stroke-width: 1.6; }
            svg .best line { stroke: var(--faint); stroke-width: 1.2; stroke-dasharray: 3 3; }
            svg .best text, svg .empty { fill: var(--muted); font-size: 11px; }
            svg .cell { stroke: #ffffff; stroke-width: 1; }
            svg .count { fill: var(--text); font-variant-numeric: tabular-nums; }
            svg .count.dark { fill: #ffffff; }
            svg .scale { stroke: var(--line); }
            svg .points circle { fill-opacity: 0.45; }
            svg .diagonal { stroke: var(--faint); stroke-width: 1.2; stroke-dasharray: 5 4; }
            .columns {
              display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 18px;
              align-items: start;
            }
            .stack { min-width: 0; }
            .stack > .card { margin: 0 0 18px; }
            table.kv tbody th { width: 40%; }
            .evaluation { display: flex; flex-wrap: wrap; gap: 24px 36px; align-items: flex-start; }
            .evaluation > figure { flex: 0 1 auto; max-width: 100%; }
            .evaluation > div { flex: 1 0 auto; max-width: 100%; }
            .evaluation > div > .note { max-width: 420px; }
            h3.spaced { margin-top: 18px; }
            table.per-class tbody th { white-space: nowrap; }
            td.bar-cell, th.bar-cell { width: 34%; vertical-align: middle; }
            table { border-collapse: collapse; width: 100%; font-size: 14px; }
            th, td { padding: 6px 10px; border-bottom: 1px solid var(--grid); text-align: left; vertical-align: top; }
            th { color: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: 0.03em; }
            thead th { border-bottom: 1px solid var(--line); white-space: nowrap; }
            tbody th {
              color: var(--text); font-size: 14px; font-weight: 500; letter-spacing: 0; overflow-wrap: anywhere;
            }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.best td, tr.best th { background: #eef5fb; }
            tr.total td, tr.total th { border-top: 1px solid var(--line); font-weight: 600; }
            td.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
              font-size: 13px; overflow-wrap: anywhere; }
            .bar {
              display: block; height: 8px; border-radius: 4px; background: var(--accent); opacity: 0.75;
              min-width: 1px;
            }
            pre {
              margin: 0; padding: 14px 16px; overflow-x: auto; background: #f6f8fa; border: 1px solid var(--line);
              border-radius: 8px; font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono",
                "Liberation Mono", monospace;
            }
            details summary { cursor: pointer; color: var(--accent); font-weight: 600; margin-bottom: 10px; }
            .scroll { overflow-x: auto; }
            footer { margin-top: 26px; color: var(--faint); font-size: 13px; }
            @media print {
              body { background: #ffffff; }
              .card, .tile { box-shadow: none; break-inside: avoid; }
            }
            """;
}
