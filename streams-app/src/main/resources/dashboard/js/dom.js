// Small helpers: every value goes into the page as text, never as markup.

export function $(id) {
  return document.getElementById(id);
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

export function timeEl(iso, withDate) {
  const when = el('time', null, formatTime(iso, withDate));
  if (iso) {
    when.setAttribute('datetime', iso);
  }
  return when;
}

export function formatTime(iso, withDate) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return withDate ? date.toLocaleDateString([], { day: 'numeric', month: 'short' }) + ' ' + time : time;
}

export function athleteHref(athleteId) {
  return '#/athlete/' + encodeURIComponent(athleteId);
}
