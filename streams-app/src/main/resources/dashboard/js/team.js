// The team view: one tile per athlete, in the API's order (most in need first), and the live feed.
import { request } from './api.js';
import { $, el, clear, athleteHref } from './dom.js';
import { renderAlert, lifecycle, acknowledgementText } from './cards.js';
import { activityLabel, severityLabel } from './wording.js';

const FEED_LIMIT = 100;
const NEAR_BPM = 5;
const TREND = { RISING: ['↑', 'rising'], FALLING: ['↓', 'easing'], STEADY: ['→', 'steady'] };
const ZONE_WORDS = { BELOW: 'below ceiling', NEAR: 'near ceiling', ABOVE: 'above ceiling' };

const seenAlerts = {};
const shownTiles = new WeakMap();

export async function refreshTeam() {
  const answer = await request('/api/athletes?all=true');
  if (answer.status === 200 && answer.body) {
    renderTiles(answer.body.athletes || []);
    $('team-incomplete').hidden = answer.body.complete !== false;
  }
}

/** Moves tiles into the API's order, reusing each athlete's element, so the page never jumps. */
function renderTiles(athletes) {
  const list = $('tiles');
  const existing = {};
  Array.from(list.children).forEach((tile) => { existing[tile.getAttribute('data-athlete-id')] = tile; });
  athletes.forEach((a, index) => {
    const tile = existing[a.athleteId] || el('li', 'tile');
    delete existing[a.athleteId];
    fillTile(tile, a);
    if (list.children[index] !== tile) {
      list.insertBefore(tile, list.children[index] || null);
    }
  });
  Object.values(existing).forEach((tile) => tile.remove());
  $('team-empty').hidden = athletes.length !== 0;
}

/** The API's need; computed the same way only if an older instance answered without it. */
function need(a) {
  if (a.need) {
    return a.need;
  }
  if (a.referral) {
    return { rank: 50, label: 'Open referral' };
  }
  const ranks = { STOP_ACTIVITY: [40, 'Stop'], REDUCE_INTENSITY: [30, 'Reduce'], ADVISORY: [20, 'Advisory'] };
  const open = a.openAlert && ranks[a.openAlert.severity];
  if (open) {
    return { rank: open[0], label: open[1] };
  }
  return a.pain && a.pain.active ? { rank: 10, label: 'In pain' } : { rank: 0, label: 'OK' };
}

function zone(intensity) {
  if (intensity.zone !== undefined) {
    return intensity.zone;
  }
  if (!intensity.heartRateBpm || !intensity.ceilingHeartRateBpm) {
    return null;
  }
  if (intensity.heartRateBpm > intensity.ceilingHeartRateBpm) {
    return 'ABOVE';
  }
  return intensity.heartRateBpm >= intensity.ceilingHeartRateBpm - NEAR_BPM ? 'NEAR' : 'BELOW';
}

function fillTile(tile, a) {
  const key = JSON.stringify(a);
  if (shownTiles.get(tile) === key) {
    return; // unchanged: leave the tile (and whatever the coach is pointing at) alone
  }
  shownTiles.set(tile, key);
  const n = need(a);
  tile.className = 'tile need-' + n.rank;
  tile.setAttribute('data-athlete-id', a.athleteId);
  tile.setAttribute('data-need-rank', n.rank);
  clear(tile);

  const head = el('div', 'tile-head');
  const name = el('a', 'tile-name', a.athleteId);
  name.href = athleteHref(a.athleteId);
  name.setAttribute('aria-label', 'Open ' + a.athleteId + "'s session");
  head.append(name, el('span', 'need', n.label));
  tile.appendChild(head);

  const pain = a.pain || {};
  const painLine = el('p', 'pain');
  if (pain.active) {
    painLine.appendChild(el('span', null, pain.label || 'Pain ' + pain.level + '/10'));
    const trend = TREND[pain.trend];
    if (trend) {
      const arrow = el('span', 'trend trend-' + pain.trend, ' ' + trend[0] + ' ' + trend[1]);
      painLine.appendChild(arrow);
    }
  } else {
    painLine.textContent = 'No pain reported';
  }
  tile.appendChild(painLine);

  const intensity = a.intensity || {};
  // No activity going on (or one the device could not name): say so rather than "Unknown activity".
  const known = intensity.activity && intensity.activity !== 'UNKNOWN';
  const activity = known ? intensity.activityLabel || activityLabel(intensity.activity) : null;
  const z = zone(intensity);
  const effort = el('p', 'effort');
  effort.appendChild(el('span', 'activity', activity || 'Not active now'));
  if (intensity.heartRateBpm) {
    const hr = el('span', 'zone' + (z ? ' zone-' + z : ''));
    // A referral says see a provider before training: no ceiling number that reads as a target.
    const ceiling = n.rank < 50 && intensity.ceilingHeartRateBpm ? ' / ' + intensity.ceilingHeartRateBpm : '';
    let text = intensity.heartRateBpm + ceiling + ' bpm';
    if (z) {
      text += ' · ' + ZONE_WORDS[z];
    }
    hr.textContent = text;
    effort.appendChild(hr);
  }
  tile.appendChild(effort);

  const open = a.openAlert;
  if (open) {
    const alert = el('div', 'tile-alert sev-' + open.severity);
    alert.appendChild(el('span', 'badge', severityLabel(open.severity)));
    const step = open.firstStep || null;
    if (step) {
      alert.appendChild(el('p', 'first-step', step));
    }
    if (open.acknowledgement) {
      alert.appendChild(el('p', 'ack-mark', '✓ ' + acknowledgementText(open.acknowledgement)));
    }
    tile.appendChild(alert);
  }
}

// ---- live feed ----

export function addToFeed(alert) {
  if (!alert || !alert.alertId || seenAlerts[alert.alertId]) {
    return;
  }
  seenAlerts[alert.alertId] = true;
  const feed = $('feed');
  if (alert.state === 'RESOLVED') {
    markEarlierResolved(alert.athleteId, lifecycle(alert));
  }
  const card = renderAlert(alert, { linkAthlete: true });
  card.classList.add('new');
  window.setTimeout(() => card.classList.remove('new'), 1000);
  feed.insertBefore(card, feed.firstChild);
  while (feed.children.length > FEED_LIMIT) {
    const last = feed.lastChild;
    delete seenAlerts[last.getAttribute('data-alert-id')];
    feed.removeChild(last);
  }
  $('feed-empty').hidden = true;
}

function markEarlierResolved(athleteId, which) {
  Array.from($('feed').children).forEach((item) => {
    if (item.getAttribute('data-athlete-id') === athleteId && item.getAttribute('data-lifecycle') === which
        && !item.classList.contains('resolved') && !item.classList.contains('superseded')) {
      item.classList.add('superseded');
      item.querySelector('.head').appendChild(el('span', 'resolved-note', 'Resolved since'));
    }
  });
}
