// PainGuard coach dashboard: the team view (default) and one athlete's view (#/athlete/ID), kept
// live by the alert stream (Server-Sent Events) and a gentle poll for heart rates. No framework and
// no build step: ES modules served as they are.
import { takeTokenFromUrl, setToken, currentToken, onRefused, streamUrl } from './api.js';
import { $ } from './dom.js';
import { loadWording } from './wording.js';
import { refreshTeam, addToFeed } from './team.js';
import { showAthlete, leaveAthlete, refreshAthlete, shownAthlete } from './athlete.js';

const POLL_MS = 5000;
const ATHLETE_ROUTE = /^#\/athlete\/(.+)$/;

let source = null;
let pollTimer = null;

function setStatus(state, text) {
  const status = $('connection');
  status.setAttribute('data-state', state);
  status.textContent = text;
}

function showLogin(message) {
  $('login').hidden = false;
  $('login-message').textContent = message;
  $('token-input').focus();
}

function refused() {
  setToken(null);
  stop();
  setStatus('refused', 'Token refused');
  showLogin('That token was refused. Enter a valid access token.');
}

function quietly(promise) {
  promise.catch(() => { /* offline for a moment: the next poll tries again */ });
}

function refresh() {
  if (!currentToken()) {
    return;
  }
  quietly(shownAthlete() ? refreshAthlete() : refreshTeam());
}

function route() {
  const match = ATHLETE_ROUTE.exec(window.location.hash);
  const athleteId = match ? decodeURIComponent(match[1]) : null;
  $('team-view').hidden = athleteId !== null;
  $('athlete-view').hidden = athleteId === null;
  document.title = athleteId ? athleteId + ' - PainGuard' : 'PainGuard coach dashboard';
  if (athleteId === null) {
    leaveAthlete();
  }
  if (!currentToken()) {
    return;
  }
  quietly(athleteId === null ? refreshTeam() : showAthlete(athleteId));
}

function connect() {
  stop();
  setStatus('connecting', 'Connecting...');
  const mine = new EventSource(streamUrl());
  source = mine;
  mine.addEventListener('open', () => setStatus('live', 'Live'));
  mine.addEventListener('alert', (event) => {
    let alert;
    try {
      alert = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    addToFeed(alert);
    if (!shownAthlete() || shownAthlete() === alert.athleteId) {
      refresh();
    }
  });
  mine.addEventListener('error', () => {
    if (source !== mine) {
      return; // an event of a stream already stopped (the token was refused, say): not news
    }
    // EventSource retries by itself unless the server answered with an error status; ask the
    // API whether the token is the reason, and start over if the browser gave up.
    setStatus('reconnecting', 'Reconnecting...');
    refresh();
    if (mine.readyState === EventSource.CLOSED) {
      window.setTimeout(() => { if (currentToken() && source === mine) { connect(); } }, 3000);
    }
  });
  pollTimer = window.setInterval(refresh, POLL_MS);
  quietly(loadWording().then(route));
}

function stop() {
  if (source) {
    source.close();
    source = null;
  }
  if (pollTimer) {
    window.clearInterval(pollTimer);
    pollTimer = null;
  }
}

function start() {
  onRefused(refused);
  window.addEventListener('hashchange', route);
  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('token-input').value.trim();
    if (!value) {
      return;
    }
    setToken(value);
    $('token-input').value = '';
    $('login').hidden = true;
    connect();
  });
  route();
  if (takeTokenFromUrl()) {
    connect();
  } else {
    showLogin('Enter the access token you were given (the demo prints one).');
  }
}

start();
