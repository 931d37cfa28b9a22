// Every label the dashboard shows for a symbol of the schemas comes from GET /api/wording, so no
// enum name shows through ("HIIT_BENDING", "otc"). Only if the table cannot be had does a label
// fall back to the symbol in plain words, so the page still works.
import { request } from './api.js';

let table = { activities: {}, selfCare: {}, severities: {}, reasons: {}, alertStates: {} };

export async function loadWording() {
  try {
    const answer = await request('/api/wording');
    if (answer.status === 200 && answer.body) {
      table = Object.assign({}, table, answer.body);
    }
  } catch (e) {
    // offline for a moment: plain words until the next load
  }
}

function plain(symbol) {
  if (!symbol) {
    return '';
  }
  const text = String(symbol).toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function from(kind, symbol) {
  const labels = table[kind] || {};
  return Object.prototype.hasOwnProperty.call(labels, symbol) ? labels[symbol] : plain(symbol);
}

export const activityLabel = (symbol) => from('activities', symbol);
export const selfCareLabel = (symbol) => from('selfCare', symbol);
export const severityLabel = (symbol) => from('severities', symbol);
export const reasonLabel = (symbol) => from('reasons', symbol);
export const alertStateLabel = (symbol) => from('alertStates', symbol);
