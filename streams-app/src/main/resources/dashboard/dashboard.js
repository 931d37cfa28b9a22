// PainGuard coach dashboard: a live alert feed (Server-Sent Events) and the athletes in a pain
// episode (polled). No framework and no build step; every value goes into the page as text.
(function () {
  'use strict';

  var TOKEN_KEY = 'painguard.token';
  var FEED_LIMIT = 100;
  var POLL_MS = 5000;

  var SEVERITY_LABELS = {
    ADVISORY: 'Advisory',
    REDUCE_INTENSITY: 'Reduce intensity',
    STOP_ACTIVITY: 'Stop activity',
    SEEK_MEDICAL_ATTENTION: 'Seek medical attention'
  };

  var token = null;
  var source = null;
  var pollTimer = null;
  var seenAlerts = {};

  function $(id) { return document.getElementById(id); }

  function words(name) {
    if (!name) { return ''; }
    var text = String(name).toLowerCase().replace(/_/g, ' ');
    return text;
  }

  function severityLabel(severity) {
    return SEVERITY_LABELS[severity] || words(severity);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function setStatus(state, text) {
    var status = $('connection');
    status.setAttribute('data-state', state);
    status.textContent = text;
  }

  // ---- token ----

  function takeTokenFromUrl() {
    var params = new URLSearchParams(window.location.search);
    if (params.has('token')) {
      sessionStorage.setItem(TOKEN_KEY, params.get('token'));
      params.delete('token');
      var query = params.toString();
      // Keep the token out of the address bar, history and bookmarks.
      window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function showLogin(message) {
    $('login').hidden = false;
    $('login-message').textContent = message;
    $('token-input').focus();
  }

  function refused() {
    sessionStorage.removeItem(TOKEN_KEY);
    token = null;
    stop();
    setStatus('refused', 'Token refused');
    showLogin('That token was refused. Enter a valid access token.');
  }

  // ---- live feed ----

  function connect() {
    stop();
    setStatus('connecting', 'Connecting...');
    source = new EventSource('/api/alerts/stream?access_token=' + encodeURIComponent(token));
    source.addEventListener('open', function () { setStatus('live', 'Live'); });
    source.addEventListener('alert', function (event) {
      var alert;
      try { alert = JSON.parse(event.data); } catch (e) { return; }
      addAlert(alert);
      refreshAthletes();
    });
    source.addEventListener('error', function () {
      // EventSource retries by itself unless the server answered with an error status; ask the
      // API whether the token is the reason, and start over if the browser gave up.
      setStatus('reconnecting', 'Reconnecting...');
      refreshAthletes();
      if (source && source.readyState === EventSource.CLOSED) {
        var closed = source;
        window.setTimeout(function () { if (token && source === closed) { connect(); } }, 3000);
      }
    });
    refreshAthletes();
    pollTimer = window.setInterval(refreshAthletes, POLL_MS);
  }

  function stop() {
    if (source) { source.close(); source = null; }
    if (pollTimer) { window.clearInterval(pollTimer); pollTimer = null; }
  }

  function addAlert(alert) {
    if (!alert || !alert.alertId || seenAlerts[alert.alertId]) { return; }
    seenAlerts[alert.alertId] = true;
    var feed = $('feed');
    if (alert.state === 'RESOLVED') {
      markEarlierResolved(alert.athleteId, lifecycle(alert));
    }
    feed.insertBefore(renderAlert(alert), feed.firstChild);
    while (feed.children.length > FEED_LIMIT) {
      var last = feed.lastChild;
      delete seenAlerts[last.getAttribute('data-alert-id')];
      feed.removeChild(last);
    }
    $('feed-empty').hidden = true;
  }

  // An athlete has two lifecycles: the medical referral (every SEEK_MEDICAL_ATTENTION alert) and
  // the effort alerts (every other severity); a RESOLVED closes only its own.
  function lifecycle(alert) {
    return alert.severity === 'SEEK_MEDICAL_ATTENTION' ? 'referral' : 'effort';
  }

  function markEarlierResolved(athleteId, which) {
    var items = $('feed').children;
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (item.getAttribute('data-athlete-id') === athleteId && item.getAttribute('data-lifecycle') === which
          && !item.classList.contains('resolved')
          && !item.classList.contains('superseded')) {
        item.classList.add('superseded');
        item.querySelector('.head').appendChild(el('span', 'resolved-note', 'Resolved since'));
      }
    }
  }

  function renderAlert(a) {
    var resolved = a.state === 'RESOLVED';
    var item = el('li', 'alert new sev-' + a.severity + ' state-' + a.state + (resolved ? ' resolved' : ''));
    item.setAttribute('data-alert-id', a.alertId);
    item.setAttribute('data-athlete-id', a.athleteId);
    item.setAttribute('data-severity', a.severity);
    item.setAttribute('data-state', a.state);
    item.setAttribute('data-lifecycle', lifecycle(a));

    var head = el('div', 'head');
    head.appendChild(el('span', 'badge', resolved ? 'Resolved' : severityLabel(a.severity)));
    head.appendChild(el('span', 'athlete', a.athleteId));
    var when = el('time', null, new Date(a.eventTime).toLocaleTimeString());
    when.setAttribute('datetime', a.eventTime);
    head.appendChild(when);
    if (a.state === 'ESCALATED') { head.appendChild(el('span', 'reasons', 'escalated')); }
    if (a.state === 'UPDATED') { head.appendChild(el('span', 'reasons', 'news')); }
    item.appendChild(head);

    var r = a.recommendation || {};
    if (r.message) { item.appendChild(el('p', 'message', r.message)); }
    // A STOP or a referral says stop: no percentages or heart-rate targets on those cards.
    var stops = a.severity === 'STOP_ACTIVITY' || a.severity === 'SEEK_MEDICAL_ATTENTION';
    if (!resolved) {
      var advice = el('ul', 'advice');
      if (!stops && r.intensityReductionPct > 0) { advice.appendChild(el('li', null, 'Lower intensity by ' + r.intensityReductionPct + '%')); }
      if (!stops && r.targetMaxHeartRateBpm) { advice.appendChild(el('li', null, 'Keep heart rate under ' + r.targetMaxHeartRateBpm + ' bpm')); }
      if (!stops && r.durationReductionPct > 0) { advice.appendChild(el('li', null, 'Shorten the session by ' + r.durationReductionPct + '%')); }
      if (r.alternativeActivities && r.alternativeActivities.length) {
        advice.appendChild(el('li', null, 'Instead: ' + r.alternativeActivities.map(words).join(', ')));
      }
      if (r.selfCare && r.selfCare.length) {
        advice.appendChild(el('li', null, 'Self-care: ' + r.selfCare.map(words).join(', ')));
      }
      if (advice.children.length) { item.appendChild(advice); }
    }
    var details = [];
    if (a.reasons && a.reasons.length) { details.push(a.reasons.map(words).join(', ')); }
    if (a.painLevel !== null && a.painLevel !== undefined) { details.push('pain ' + a.painLevel + '/10'); }
    if (a.activityType && a.activityType !== 'UNKNOWN') { details.push(words(a.activityType)); }
    if (details.length) { item.appendChild(el('p', 'reasons', details.join(' · '))); }
    window.setTimeout(function () { item.classList.remove('new'); }, 1000);
    return item;
  }

  // ---- athletes in an episode ----

  function refreshAthletes() {
    if (!token) { return; }
    fetch('/api/athletes', { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401) { refused(); return null; }
        if (!response.ok) { return null; }
        return response.json();
      })
      .then(function (body) { if (body) { renderAthletes(body.athletes || []); } })
      .catch(function () { /* offline for a moment: the next poll tries again */ });
  }

  function renderAthletes(athletes) {
    var body = $('episodes-body');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    athletes.forEach(function (a) { body.appendChild(renderAthlete(a)); });
    $('episodes-table').hidden = athletes.length === 0;
    $('episodes-empty').hidden = athletes.length !== 0;
  }

  function renderAthlete(a) {
    var row = el('tr');
    row.setAttribute('data-athlete-id', a.athleteId);
    var name = el('th', null, a.athleteId);
    name.setAttribute('scope', 'row');
    row.appendChild(name);

    var pain = a.pain || {};
    row.appendChild(el('td', null, pain.active ? pain.level + ' (' + words(pain.band) + ')' : 'none in force'));

    var intensity = a.intensity || {};
    row.appendChild(el('td', null, intensity.activity && intensity.activity !== 'UNKNOWN' ? words(intensity.activity) : '-'));

    var hr = el('td');
    if (intensity.heartRateBpm && intensity.ceilingHeartRateBpm) {
      var meter = el('meter');
      meter.min = 40;
      meter.max = Math.max(200, intensity.heartRateBpm);
      meter.low = intensity.ceilingHeartRateBpm - 1;
      meter.high = intensity.ceilingHeartRateBpm;
      meter.optimum = 40;
      meter.value = intensity.heartRateBpm;
      meter.setAttribute('aria-label', 'Heart rate ' + intensity.heartRateBpm + ' of ceiling ' + intensity.ceilingHeartRateBpm + ' bpm');
      hr.appendChild(meter);
      var over = intensity.heartRateBpm > intensity.ceilingHeartRateBpm;
      hr.appendChild(el('span', over ? 'over' : null,
        intensity.heartRateBpm + ' / ' + intensity.ceilingHeartRateBpm + ' bpm' + (over ? ' (over)' : '')));
    } else if (intensity.heartRateBpm) {
      hr.textContent = intensity.heartRateBpm + ' bpm';
    } else if (intensity.hrrPct !== null && intensity.hrrPct !== undefined && intensity.ceilingHrrPct) {
      hr.textContent = intensity.hrrPct + '% / ' + intensity.ceilingHrrPct + '% HRR (no heart rate)';
    } else {
      hr.textContent = '-';
    }
    row.appendChild(hr);

    var open = el('td');
    if (a.openAlert) {
      open.appendChild(el('span', 'sev-text-' + a.openAlert.severity, severityLabel(a.openAlert.severity)));
    } else {
      open.textContent = 'none';
    }
    row.appendChild(open);
    return row;
  }

  // ---- start ----

  function start() {
    $('login-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var value = $('token-input').value.trim();
      if (!value) { return; }
      sessionStorage.setItem(TOKEN_KEY, value);
      token = value;
      $('token-input').value = '';
      $('login').hidden = true;
      connect();
    });
    token = takeTokenFromUrl();
    if (token) {
      connect();
    } else {
      showLogin('Enter the access token you were given (the demo prints one).');
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
