// One alert as a card: it leads with what to do first, then the advice (never a percentage or a
// heart-rate target on a STOP or referral card), why, and who acknowledged it.
import { el, timeEl, formatTime, athleteHref } from './dom.js';
import { activityLabel, selfCareLabel, severityLabel, reasonLabel, alertStateLabel } from './wording.js';

export const NOTE_LIMIT = 280;

/** The referral (every SEEK_MEDICAL_ATTENTION alert) and the effort alerts close separately. */
export function lifecycle(alert) {
  return alert.severity === 'SEEK_MEDICAL_ATTENTION' ? 'referral' : 'effort';
}

export function stops(severity) {
  return severity === 'STOP_ACTIVITY' || severity === 'SEEK_MEDICAL_ATTENTION';
}

/** One line: what to do first (the API's firstStep; before it existed, the message's first sentence). */
export function firstStep(alert) {
  if (alert.firstStep) {
    return alert.firstStep;
  }
  const message = (alert.recommendation && alert.recommendation.message) || '';
  const end = message.search(/[.!](\s|$)/);
  return end < 0 ? message : message.slice(0, end + 1);
}

/**
 * @param options.onAcknowledge when given and the alert is open, the card has the acknowledge form;
 *     called with (alert, note) and resolves to an error sentence or null
 */
export function renderAlert(a, options = {}) {
  const resolved = a.state === 'RESOLVED';
  const item = el('li', 'alert sev-' + a.severity + ' state-' + a.state + (resolved ? ' resolved' : ''));
  item.setAttribute('data-alert-id', a.alertId);
  item.setAttribute('data-athlete-id', a.athleteId);
  item.setAttribute('data-severity', a.severity);
  item.setAttribute('data-state', a.state);
  item.setAttribute('data-lifecycle', lifecycle(a));

  const head = el('div', 'head');
  head.appendChild(el('span', 'badge', resolved ? alertStateLabel('RESOLVED') : severityLabel(a.severity)));
  if (options.linkAthlete) {
    const link = el('a', 'athlete', a.athleteId);
    link.href = athleteHref(a.athleteId);
    head.appendChild(link);
  }
  head.appendChild(timeEl(a.eventTime, options.withDate));
  if (a.state === 'ESCALATED' || a.state === 'UPDATED') {
    head.appendChild(el('span', 'state', alertStateLabel(a.state)));
  }
  item.appendChild(head);

  const step = firstStep(a);
  if (step) {
    item.appendChild(el('p', 'first-step', step));
  }
  const r = a.recommendation || {};
  if (r.message && r.message !== step) {
    item.appendChild(el('p', 'message', r.message));
  }
  if (!resolved) {
    const advice = adviceList(a, r);
    if (advice.children.length) {
      item.appendChild(advice);
    }
  }
  const details = [];
  if (a.reasons && a.reasons.length) {
    details.push(a.reasons.map(reasonLabel).join(', '));
  }
  if (a.painLevel !== null && a.painLevel !== undefined) {
    details.push('pain ' + a.painLevel + '/10');
  }
  if (a.activityType && a.activityType !== 'UNKNOWN') {
    details.push((a.labels && a.labels.activity) || activityLabel(a.activityType));
  }
  if (details.length) {
    item.appendChild(el('p', 'reasons', details.join(' · ')));
  }
  appendAcknowledgements(item, a.acknowledgements || []);
  if (options.onAcknowledge && options.open) {
    item.appendChild(acknowledgeForm(a, options.onAcknowledge));
  }
  return item;
}

function adviceList(a, r) {
  const advice = el('ul', 'advice');
  // A STOP or a referral says stop: no percentages or heart-rate targets on those cards.
  if (!stops(a.severity)) {
    if (r.intensityReductionPct > 0) {
      advice.appendChild(el('li', null, 'Lower intensity by ' + r.intensityReductionPct + '%'));
    }
    if (r.targetMaxHeartRateBpm) {
      advice.appendChild(el('li', null, 'Keep heart rate under ' + r.targetMaxHeartRateBpm + ' bpm'));
    }
    if (r.durationReductionPct > 0) {
      advice.appendChild(el('li', null, 'Shorten the session by ' + r.durationReductionPct + '%'));
    }
  }
  const labels = a.labels || {};
  const alternatives = labels.alternatives || (r.alternativeActivities || []).map(activityLabel);
  if (alternatives.length) {
    advice.appendChild(el('li', null, 'Instead: ' + alternatives.join(', ')));
  }
  const selfCare = labels.selfCare || (r.selfCare || []).map(selfCareLabel);
  if (selfCare.length) {
    advice.appendChild(el('li', null, 'Self-care: ' + selfCare.join(', ')));
  }
  return advice;
}

export function acknowledgementText(ack) {
  return 'Acknowledged by ' + ack.acknowledgedBy + ', ' + formatTime(ack.acknowledgedAt, true);
}

function appendAcknowledgements(item, acks) {
  if (!acks.length) {
    return;
  }
  const list = el('ul', 'acks');
  acks.forEach((ack) => {
    const line = el('li', 'ack');
    line.appendChild(el('span', 'ack-mark', acknowledgementText(ack)));
    if (ack.note) {
      line.appendChild(el('q', 'ack-note', ack.note));
    }
    list.appendChild(line);
  });
  item.appendChild(list);
}

let formCount = 0;

function acknowledgeForm(alert, onAcknowledge) {
  const id = 'ack-note-' + (++formCount);
  const form = el('form', 'ack-form');
  form.setAttribute('autocomplete', 'off');
  const label = el('label', null, 'Note for the other coaches (optional)');
  label.htmlFor = id;
  const note = el('textarea');
  note.id = id;
  note.name = 'note';
  note.rows = 2;
  note.maxLength = NOTE_LIMIT;
  const button = el('button', 'ack-button', 'Acknowledge');
  button.type = 'submit';
  const status = el('p', 'ack-status');
  status.setAttribute('role', 'status');
  form.append(label, note, button, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = 'Saving...';
    const problem = await onAcknowledge(alert, note.value.trim());
    button.disabled = false;
    status.textContent = problem || '';
  });
  return form;
}
