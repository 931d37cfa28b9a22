// The athlete view: a summary line, the session chart, and the history of pain reports and alerts
// (newest first) where an open alert can be acknowledged with a note.
import { request, athletePath } from './api.js';
import { $, el, clear, timeEl } from './dom.js';
import { renderAlert, lifecycle, NOTE_LIMIT } from './cards.js';
import { drawSession, destroyChart } from './chart.js';
import { activityLabel } from './wording.js';

const HOURS = 3;

let shown = null;
let historyKey = null;

export function showAthlete(athleteId) {
  if (shown !== athleteId) {
    shown = athleteId;
    historyKey = null;
    destroyChart();
    clear($('history'));
    $('athlete-title').textContent = athleteId;
    $('athlete-summary').textContent = '';
    $('marker-detail').hidden = true;
  }
  return refreshAthlete();
}

export function leaveAthlete() {
  shown = null;
  destroyChart();
}

export function shownAthlete() {
  return shown;
}

export async function refreshAthlete() {
  const athleteId = shown;
  if (!athleteId) {
    return;
  }
  const path = athletePath(athleteId);
  const [status, alerts, session] = await Promise.all([
    request(path),
    request(path + '/alerts'),
    request(path + '/session?hours=' + HOURS),
  ]);
  if (athleteId !== shown) {
    return; // the coach moved on while we waited
  }
  const error = $('athlete-error');
  error.hidden = status.status === 200;
  if (status.status !== 200) {
    error.textContent = (status.body && status.body.message) || 'This athlete cannot be shown.';
    return;
  }
  renderSummary(status.body);
  const sessionBody = session.status === 200 && session.body ? session.body : { minutes: [], painReports: [], alerts: [] };
  const hasChart = drawSession($('chart'), sessionBody, $('marker-detail'));
  $('chart-empty').hidden = hasChart;
  renderHistory(sessionBody.painReports || [], (alerts.body && alerts.body.alerts) || []);
}

function renderSummary(a) {
  const parts = [];
  if (a.need) {
    parts.push(a.need.label);
  }
  const pain = a.pain || {};
  parts.push(pain.active ? (pain.label || 'Pain ' + pain.level + '/10') : 'No pain reported');
  const intensity = a.intensity || {};
  const activity = intensity.activity && intensity.activity !== 'UNKNOWN'
    ? intensity.activityLabel || activityLabel(intensity.activity)
    : null;
  if (activity) {
    parts.push(activity);
  }
  if (intensity.heartRateBpm) {
    const referral = a.need && a.need.rank >= 50;
    parts.push(intensity.heartRateBpm + (intensity.ceilingHeartRateBpm && !referral ? ' of ' + intensity.ceilingHeartRateBpm : '') + ' bpm');
  }
  $('athlete-summary').textContent = parts.join(' · ');
}

/** The newest alert of each lifecycle, when it is not resolved, is the one a coach can acknowledge. */
function openAlertIds(alerts) {
  const open = {};
  const decided = {};
  alerts.forEach((a) => { // newest first
    const which = lifecycle(a);
    if (!decided[which]) {
      decided[which] = true;
      if (a.state !== 'RESOLVED') {
        open[a.alertId] = true;
      }
    }
  });
  return open;
}

function renderHistory(reports, alerts) {
  const key = JSON.stringify([reports, alerts]);
  if (key === historyKey) {
    return; // unchanged: keep what the coach may be typing
  }
  historyKey = key;
  const typed = {};
  document.querySelectorAll('#history .alert textarea').forEach((t) => {
    typed[t.closest('.alert').getAttribute('data-alert-id')] = t.value;
  });
  const open = openAlertIds(alerts);
  const entries = [];
  reports.forEach((r) => entries.push({ at: Date.parse(r.reportedAt), node: () => renderReport(r) }));
  alerts.forEach((a) => entries.push({
    at: Date.parse(a.eventTime),
    node: () => renderAlert(a, { withDate: true, open: !!open[a.alertId], onAcknowledge: acknowledge }),
  }));
  entries.sort((x, y) => y.at - x.at);
  const list = $('history');
  clear(list);
  entries.forEach((e) => list.appendChild(e.node()));
  list.querySelectorAll('.alert textarea').forEach((t) => {
    const before = typed[t.closest('.alert').getAttribute('data-alert-id')];
    if (before) {
      t.value = before;
    }
  });
  $('history-empty').hidden = entries.length !== 0;
}

function renderReport(r) {
  const item = el('li', 'report');
  item.setAttribute('data-report-id', r.reportId);
  const head = el('div', 'head');
  head.appendChild(el('span', 'badge', 'Pain report'));
  head.appendChild(timeEl(r.reportedAt, true));
  item.appendChild(head);
  item.appendChild(el('p', 'message', r.label || 'Pain ' + r.level + '/10'));
  return item;
}

async function acknowledge(alert, note) {
  if (note.length > NOTE_LIMIT) {
    return 'The note can be at most ' + NOTE_LIMIT + ' characters.';
  }
  let answer;
  try {
    answer = await request(athletePath(alert.athleteId) + '/alerts/' + encodeURIComponent(alert.alertId) + '/acknowledgements', {
      method: 'POST',
      body: note ? { note } : {},
    });
  } catch (e) {
    return 'Not saved: the app did not answer. Try again.';
  }
  if (answer.status === 201 || answer.status === 202) {
    historyKey = null;
    await refreshAthlete();
    return null;
  }
  return 'Not saved: ' + ((answer.body && answer.body.message) || 'the app answered ' + answer.status + '.');
}
