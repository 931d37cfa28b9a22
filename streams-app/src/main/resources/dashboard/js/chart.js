// The session chart (uPlot, from its webjar): heart rate per minute (average and peak), the ceiling
// in force as a step line, the time above it shaded, and pain reports and alerts as markers that
// show their text on hover, focus or tap. uPlot sets element styles from script (CSSOM), which
// the page's CSP allows; nothing here writes markup or inline style attributes.
import { el, clear, formatTime } from './dom.js';
import { severityLabel } from './wording.js';
import { firstStep } from './cards.js';

const COLOURS = { avg: '#1f5fa8', peak: '#7a9cc6', ceiling: '#b3261e', above: '179, 38, 30', pain: '#8a5300', alert: '#6b1d7a' };

let plot = null;
let drawn = null;
let resizeHooked = false;

/**
 * The session's minutes as uPlot's columns, each at the middle of its minute (so a point sits in
 * the middle of its shading); a gap of more than a minute breaks the lines.
 */
function columns(minutes) {
  const xs = [];
  const avg = [];
  const peak = [];
  const ceiling = [];
  let previous = null;
  minutes.forEach((m) => {
    const t = Date.parse(m.start) / 1000 + 30;
    if (previous !== null && t - previous > 60) {
      xs.push(previous + 60);
      avg.push(null);
      peak.push(null);
      ceiling.push(null);
    }
    xs.push(t);
    avg.push(m.avgHeartRateBpm ?? null);
    peak.push(m.peakHeartRateBpm ?? null);
    ceiling.push(m.ceilingHeartRateBpm ?? null);
    previous = t;
  });
  return [xs, avg, peak, ceiling];
}

/** Pain reports and alerts as markers: the time, what kind, and the text they show. */
export function markers(session) {
  const list = [];
  (session.painReports || []).forEach((r) => list.push({
    t: Date.parse(r.reportedAt) / 1000,
    kind: 'pain',
    text: 'Pain report, ' + formatTime(r.reportedAt) + ': ' + (r.label || 'pain ' + r.level + '/10'),
  }));
  (session.alerts || []).forEach((a) => list.push({
    t: Date.parse(a.eventTime) / 1000,
    kind: 'alert',
    text: severityLabel(a.severity) + ', ' + formatTime(a.eventTime) + ': ' + firstStep(a),
  }));
  return list;
}

function shadeAboveCeiling(u, minutes) {
  const ctx = u.ctx;
  ctx.save();
  minutes.forEach((m) => {
    if (!m.secondsAboveCeiling) {
      return;
    }
    const start = Date.parse(m.start) / 1000;
    const x0 = u.valToPos(start, 'x', true);
    const x1 = u.valToPos(start + 60, 'x', true);
    const share = Math.min(1, m.secondsAboveCeiling / 60);
    ctx.fillStyle = 'rgba(' + COLOURS.above + ', ' + (0.08 + 0.3 * share).toFixed(2) + ')';
    ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
  });
  ctx.restore();
}

function drawMarkerLines(u, list) {
  const ctx = u.ctx;
  ctx.save();
  ctx.lineWidth = 2 * devicePixelRatio;
  ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
  list.forEach((m) => {
    const x = u.valToPos(m.t, 'x', true);
    ctx.strokeStyle = COLOURS[m.kind];
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
  });
  ctx.restore();
}

/** Buttons over the plot, so a marker can be hovered, tapped or reached with the keyboard. */
function placeMarkerButtons(u, list, detail) {
  let layer = u.over.querySelector('.markers');
  if (!layer) {
    layer = el('div', 'markers');
    u.over.appendChild(layer);
  }
  clear(layer);
  list.forEach((m) => {
    const button = el('button', 'marker marker-' + m.kind, m.kind === 'pain' ? 'P' : '!');
    button.type = 'button';
    button.title = m.text;
    button.setAttribute('aria-label', m.text);
    button.setAttribute('data-kind', m.kind);
    button.style.left = u.valToPos(m.t, 'x') + 'px';
    const show = () => {
      detail.textContent = m.text;
      detail.hidden = false;
    };
    button.addEventListener('mouseenter', show);
    button.addEventListener('focus', show);
    button.addEventListener('click', show);
    layer.appendChild(button);
  });
}

function sizeFor(container) {
  const width = Math.max(280, container.clientWidth);
  return { width, height: width < 600 ? 240 : 320 };
}

function range(values, pad) {
  const known = values.filter((v) => v !== null && v !== undefined && !Number.isNaN(v));
  return known.length ? [Math.min(...known) - pad, Math.max(...known) + pad] : null;
}

/**
 * Draws (or redraws, when the data changed) the chart of a session into the container.
 *
 * @returns false when there is nothing to draw
 */
export function drawSession(container, session, detail) {
  const minutes = session.minutes || [];
  const list = markers(session);
  const key = JSON.stringify([minutes, list]);
  if (plot && drawn === key && container.contains(plot.root)) {
    return true;
  }
  destroyChart();
  if (!minutes.length || !window.uPlot) {
    return false;
  }
  const data = columns(minutes);
  const xRange = range(data[0].concat(list.map((m) => m.t)), 45);
  const yRange = range(data[1].concat(data[2], data[3]), 10);
  const bpm = (u, v) => (v === null || v === undefined ? '-' : v + ' bpm');
  const options = Object.assign(sizeFor(container), {
    scales: { x: { time: true, range: () => xRange }, y: { range: () => [Math.max(0, yRange[0]), yRange[1]] } },
    series: [
      { label: 'Time' },
      { label: 'Average', stroke: COLOURS.avg, width: 2, value: bpm },
      { label: 'Peak', stroke: COLOURS.peak, width: 1, dash: [5, 4], value: bpm },
      { label: 'Ceiling', stroke: COLOURS.ceiling, width: 2, paths: window.uPlot.paths.stepped({ align: 1 }), value: bpm },
    ],
    axes: [{}, { label: 'Heart rate (bpm)' }],
    hooks: {
      drawClear: [(u) => shadeAboveCeiling(u, minutes)],
      draw: [(u) => { drawMarkerLines(u, list); placeMarkerButtons(u, list, detail); }],
    },
  });
  plot = new window.uPlot(options, data, container);
  drawn = key;
  if (!resizeHooked) {
    resizeHooked = true;
    window.addEventListener('resize', () => { if (plot) { plot.setSize(sizeFor(plot.root.parentNode)); } });
  }
  return true;
}

export function destroyChart() {
  if (plot) {
    plot.destroy();
    plot = null;
    drawn = null;
  }
}
