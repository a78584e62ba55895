/*
 * Invitation acceptance page.
 *
 * This page (link-page.html around accept-views.html, accept.css, link-page.js and the accept*.js scripts) is what a customer's
 * own front end would copy to its verified custom domain. It is self-contained (no
 * framework, no build step, no external assets) and needs only three POST routes:
 *   POST /v1/invitations/lookup  {"token"}                           -> invitation details, and its language
 *   POST /v1/invitations/accept  {"token", "first_name"?, "last_name"?} -> membership
 *   POST /v1/invitations/decline {"token", "reason"?, "block"?}       -> declined
 * Its words come from accept-texts.js (window.acceptTexts), in the invitation's language; what it
 * shares with the join page (the token from the fragment, views, posts) from link-page.js; declining
 * is accept-decline.js. The token is removed from the address bar at once and kept only in memory.
 * Opening the page never accepts or declines anything: only the buttons do.
 */
(function () {
  'use strict';

  const LOOKUP_URL = '/v1/invitations/lookup';
  const ACCEPT_URL = '/v1/invitations/accept';
  const T = window.acceptTexts;
  const { card, show, post, lookUp, fillExpiry, retryWith } = window.linkPage;

  const acceptButton = document.getElementById('accept');
  const nameInputs = {
    first_name: document.getElementById('first-name'),
    last_name: document.getElementById('last-name'),
  };
  const formError = document.getElementById('form-error');
  const declineButton = document.getElementById('decline');

  let token = '';

  // --- Rendering -------------------------------------------------------------------
  const fill = T.fill;

  function renderDetails(data) {
    fill('workspace_name', data.workspace_name);
    fill('inviter_email', data.inviter_email);
    fill('email', data.email);
    fill('team', data.team);
    fill('role', T.role(data.role));
    fillExpiry(data.expires_at);
    if (typeof data.inviter_email === 'string' && data.inviter_email.includes('@')) {
      const subject = T.text('mailto_subject', { workspace_name: data.workspace_name || '' });
      const href = 'mailto:' + encodeURIComponent(data.inviter_email).replace('%40', '@') +
        '?subject=' + encodeURIComponent(subject);
      for (const link of card.querySelectorAll('[data-mailto]')) {
        link.setAttribute('href', href);
        link.hidden = false;
      }
    }
  }

  // --- Networking ------------------------------------------------------------------
  // Shared handling of the statuses all three routes may return (a 410 is an expired invitation); true when handled.
  const handleCommon = (result) => window.linkPage.handleCommon(result, () => 'expired');

  async function lookup() {
    retryWith(lookup);
    const data = await lookUp(LOOKUP_URL, token, handleCommon);
    if (!data) return;
    renderDetails(data);
    const byStatus = { pending: 'valid', accepted: 'used', revoked: 'revoked', expired: 'expired', declined: 'declined' };
    show(byStatus[data.status] || 'unknown');
  }

  function clearErrors() {
    formError.hidden = true;
    formError.textContent = '';
    for (const input of Object.values(nameInputs)) {
      input.removeAttribute('aria-invalid');
      const message = document.getElementById(input.id + '-error');
      message.hidden = true;
      message.textContent = '';
    }
  }

  function showFieldErrors(errors) {
    const general = [];
    for (const [key, messages] of Object.entries(errors || {})) {
      const text = [].concat(messages).map(String).join(' ');
      const normalized = key.toLowerCase().replace(/[^a-z]/g, '');
      const input = normalized === 'firstname' ? nameInputs.first_name
        : normalized === 'lastname' ? nameInputs.last_name : null;
      if (!input) { general.push(text); continue; }
      input.setAttribute('aria-invalid', 'true');
      const message = document.getElementById(input.id + '-error');
      message.textContent = text;
      message.hidden = false;
    }
    if (general.length || !card.querySelector('[aria-invalid="true"]')) {
      formError.textContent = general.length ? general.join(' ') : T.text('form_error');
      formError.hidden = false;
    }
    const invalid = card.querySelector('input[aria-invalid="true"]');
    if (invalid) invalid.focus();
  }

  function setBusy(busy) {
    acceptButton.disabled = busy;
    acceptButton.setAttribute('aria-busy', busy ? 'true' : 'false');
    acceptButton.textContent = T.text(busy ? 'accepting' : 'accept_button');
    declineButton.disabled = busy;
    for (const input of Object.values(nameInputs)) input.readOnly = busy;
  }

  async function accept() {
    retryWith(accept);
    if (card.dataset.state !== 'valid') show('valid');
    clearErrors();
    setBusy(true);
    const body = { token };
    for (const [field, input] of Object.entries(nameInputs)) {
      const value = input.value.trim();
      if (value) body[field] = value;
    }
    let result;
    try { result = await post(ACCEPT_URL, body); } catch (_) { setBusy(false); show('error'); return; }
    setBusy(false);
    if (result.status === 200) {
      renderDetails(result.data);
      show('accepted');
      token = '';
      return;
    }
    if (handleCommon(result)) return;
    if (result.status === 409) { showConflict(result.data); return; }
    if (result.status === 400) { showFieldErrors(result.data.errors); return; }
    show('error');
  }

  // A link that stopped being pending meanwhile: the page for what it became.
  function showConflict(problem) {
    const status = String(problem.invitation_status || '');
    const revoked = status === 'revoked' || (!status && /revoked/i.test(String(problem.type || '')));
    show(revoked ? 'revoked' : status === 'expired' ? 'expired' : status === 'declined' ? 'declined' : 'used');
  }

  // --- Wiring ----------------------------------------------------------------------
  acceptButton.addEventListener('click', () => { if (!acceptButton.disabled) accept(); });

  // What accept-decline.js, loaded after this, shares of the page.
  window.acceptPage = {
    handleCommon, showConflict,
    token: () => token,
    spend: () => { token = ''; },
  };

  token = window.linkPage.takeToken();
  lookup();
})();
