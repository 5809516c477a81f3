import type {Snapshot} from '../snapshot/snapshot.js';

/** The page on `/`: what this is, where the metrics are, what it watches. Text from outside is HTML-escaped. */
export function landingPage(state: Snapshot): string {
  const analysis = state.analysis;
  const watched = analysis ? `${analysis.partitions.length} partitions, sample of ${new Date(analysis.time).toISOString()}` : 'no sample yet';
  const problem = state.error ? `<p>latest read failed: ${html(state.error)}</p>` : '';
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>fluvio-top exporter</title></head>
<body>
<h1>fluvio-top exporter</h1>
<p>Source: ${html(state.source.label)} (${watched})</p>
${problem}<p><a href="/metrics">/metrics</a>: BASE, HW, LEO, windows, ETAs and verdicts per partition, in Prometheus' text format.</p>
</body></html>
`;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
