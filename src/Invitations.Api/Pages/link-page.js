/*
 * What the pages opened from a link share (the acceptance page, the join page): the token, read from the URL fragment
 * (#token=..., which browsers never send to a server) and dropped from the address bar at once; the card whose views show
 * one state at a time; JSON posts with a timeout; the rate-limit countdown; and the retry buttons, which repeat the last
 * action. Its words come from accept-texts.js (window.acceptTexts), loaded before it.
 */
(function () {
  'use strict';

  const T = window.acceptTexts;
  const TIMEOUT_MS = 15000;
  const card = document.getElementById('card');
  const announcer = document.getElementById('announcer');
  const waitMessage = document.getElementById('wait-message');
  let lastAction = () => {};

  function takeToken() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const value = (params.get('token') || '').trim();
    if (location.hash) {
      try { history.replaceState(null, '', location.pathname + location.search); } catch (_) { /* ignore */ }
    }
    return value;
  }

  function show(state) {
    card.dataset.state = state;
    let heading = null;
    for (const view of card.querySelectorAll('[data-view]')) {
      const active = view.dataset.view === state;
      view.hidden = !active;
      if (active) heading = view.querySelector('h1');
    }
    if (!heading) return;
    announcer.textContent = heading.textContent;
    if (state !== 'loading') heading.focus();
  }

  function relativeTime(date) {
    const seconds = (date.getTime() - Date.now()) / 1000;
    const abs = Math.abs(seconds);
    const rtf = new Intl.RelativeTimeFormat(T.language(), { numeric: 'auto' });
    if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
    if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
    return rtf.format(Math.round(seconds / 86400), 'day');
  }

  // The facts 'expires' and 'expires_rel' from an ISO date, in the page's language.
  function fillExpiry(value) {
    const expires = value ? new Date(value) : null;
    if (!expires || isNaN(expires.getTime())) return;
    T.fill('expires', new Intl.DateTimeFormat(T.language(), { dateStyle: 'medium', timeStyle: 'short' }).format(expires));
    T.fill('expires_rel', '(' + relativeTime(expires) + ')');
  }

  function retryAfterSeconds(response) {
    const header = response.headers.get('Retry-After');
    if (!header) return 0;
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const date = Date.parse(header);
    return isNaN(date) ? 0 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }

  let countdownTimer = 0;
  function showRateLimited(response) {
    clearTimeout(countdownTimer);
    let remaining = retryAfterSeconds(response);
    const tick = () => {
      const duration = new Intl.NumberFormat(T.language(), { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(remaining);
      waitMessage.textContent = remaining > 0 ? T.text('rate_wait', { duration }) : T.text('rate_ready');
      if (remaining > 0 && card.dataset.state === 'rate-limited') {
        remaining -= 1;
        countdownTimer = setTimeout(tick, 1000);
      }
    };
    show('rate-limited');
    tick();
  }

  async function post(url, body) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
        body: JSON.stringify(body),
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        signal: controller.signal,
      });
      let data = null;
      if ((response.headers.get('Content-Type') || '').includes('json')) {
        try { data = await response.json(); } catch (_) { data = null; }
      }
      return { status: response.status, data: data || {}, response };
    } finally {
      clearTimeout(timer);
    }
  }

  // The answers every link route may give, shown; true when result was one. A 410 is the page's own (gone: its view).
  function handleCommon(result, gone) {
    if (result.status === 404) { show('unknown'); return true; }
    if (result.status === 410) { show(gone(result.data)); return true; }
    if (result.status === 429) { showRateLimited(result.response); return true; }
    return false;
  }

  // Looks the token up at url: the answer's data, in its language, or null when a state was shown instead
  // (handle: the page's own handleCommon, around the one above).
  async function lookUp(url, token, handle) {
    if (!token) { show('unknown'); return null; }
    show('loading');
    let result;
    try { result = await post(url, { token }); } catch (_) { show('error'); return null; }
    if (handle(result)) return null;
    if (result.status === 400) { show('unknown'); return null; }
    if (result.status !== 200) { show('error'); return null; }
    await T.use(result.data.language);
    return result.data;
  }

  for (const button of card.querySelectorAll('[data-retry]')) {
    button.addEventListener('click', () => lastAction());
  }

  window.linkPage = {
    card, takeToken, show, post, handleCommon, lookUp, fillExpiry,
    retryWith: (action) => { lastAction = action; },
  };
})();
