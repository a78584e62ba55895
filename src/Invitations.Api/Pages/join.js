/*
 * The join page (contract §13): a join link's URL is /join#token=... It shows where the link leads and asks for an email
 * address; the person then gets an ordinary invitation email, which proves the address. Two POST routes:
 *   POST /v1/join-links/lookup {"token"}                     -> workspace, role, team, expiry, status, and its language
 *   POST /v1/join-links/join   {"token", "email", "locale"}  -> 202 {"status":"invitation_sent"}
 * The answer to a join is the same whether or not an invitation goes out (the address may already be a member, invited, or
 * outside the link's domains): the page says so, and never more. What it shares with the acceptance page is link-page.js.
 */
(function () {
  'use strict';

  const LOOKUP_URL = '/v1/join-links/lookup';
  const JOIN_URL = '/v1/join-links/join';
  const T = window.acceptTexts;
  const { show, post, lookUp, fillExpiry, retryWith } = window.linkPage;

  const form = document.getElementById('join-form');
  const emailInput = document.getElementById('email');
  const emailError = document.getElementById('email-error');
  const formError = document.getElementById('form-error');
  const joinButton = document.getElementById('join');
  const CLOSED = ['disabled', 'expired', 'used_up'];

  let token = '';

  // 404 unknown, 410 closed (the problem says how), 429 wait; true when handled.
  const handleCommon = (result) => window.linkPage.handleCommon(result, (problem) => {
    const status = String(problem.join_link_status || '');
    return CLOSED.includes(status) ? status : 'expired';
  });

  async function lookup() {
    retryWith(lookup);
    const data = await lookUp(LOOKUP_URL, token, handleCommon);
    if (!data) return;
    T.fill('workspace_name', data.workspace_name);
    T.fill('role', T.role(data.role));
    T.fill('team', data.team);
    fillExpiry(data.expires_at);
    const status = String(data.status || '');
    show(status === 'active' ? 'open' : CLOSED.includes(status) ? status : 'unknown');
  }

  function clearErrors() {
    emailInput.removeAttribute('aria-invalid');
    emailError.hidden = true;
    emailError.textContent = '';
    formError.hidden = true;
    formError.textContent = '';
  }

  function showEmailError(text) {
    emailInput.setAttribute('aria-invalid', 'true');
    emailError.textContent = text;
    emailError.hidden = false;
    emailInput.focus();
  }

  function setBusy(busy) {
    joinButton.disabled = busy;
    joinButton.setAttribute('aria-busy', busy ? 'true' : 'false');
    joinButton.textContent = T.text(busy ? 'joining' : 'join_button');
    emailInput.readOnly = busy;
  }

  async function join() {
    retryWith(join);
    if (document.getElementById('card').dataset.state !== 'open') show('open');
    clearErrors();
    const email = emailInput.value.trim();
    if (!email || !email.includes('@')) { showEmailError(T.text('email_missing')); return; }
    setBusy(true);
    let result;
    try { result = await post(JOIN_URL, { token, email, locale: T.language() }); } catch (_) { setBusy(false); show('error'); return; }
    setBusy(false);
    if (result.status === 202) {
      T.fill('email', email);
      show('sent');
      return;
    }
    if (handleCommon(result)) return;
    if (result.status === 400) {
      const errors = result.data.errors || {};
      const messages = [].concat(errors.email || []).map(String);
      if (messages.length) { showEmailError(messages.join(' ')); return; }
      formError.textContent = T.text('form_error');
      formError.hidden = false;
      return;
    }
    show('error');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!joinButton.disabled) join();
  });

  token = window.linkPage.takeToken();
  lookup();
})();
