/*
 * Declining from the acceptance page: the Decline button only asks (a confirmation with an optional
 * reason and a "don't invite me again" box); only the confirmation's own button declines.
 *   POST /v1/invitations/decline {"token", "reason"?, "block"?} -> {"status":"declined"}
 */
(function () {
  'use strict';

  const DECLINE_URL = '/v1/invitations/decline';
  const T = window.acceptTexts;
  const { show, post, retryWith } = window.linkPage;
  const { handleCommon, showConflict } = window.acceptPage;
  const card = document.getElementById('card');
  const decline = {
    open: document.getElementById('decline'),
    confirm: document.getElementById('decline-confirm'),
    back: document.getElementById('decline-back'),
    reason: document.getElementById('decline-reason'),
    reasonError: document.getElementById('decline-reason-error'),
    block: document.getElementById('decline-block'),
    blocked: document.getElementById('declined-blocked'),
  };

  function setDeclineBusy(busy) {
    decline.confirm.disabled = decline.back.disabled = busy;
    decline.confirm.setAttribute('aria-busy', busy ? 'true' : 'false');
    decline.confirm.textContent = T.text(busy ? 'declining' : 'decline_confirm');
    decline.reason.readOnly = decline.block.disabled = busy;
  }

  function showDeclineError(errors) {
    decline.reason.setAttribute('aria-invalid', 'true');
    decline.reasonError.textContent = [].concat((errors || {}).reason || []).map(String).join(' ') || T.text('form_error');
    decline.reasonError.hidden = false;
    decline.reason.focus();
  }

  async function declineInvitation() {
    retryWith(declineInvitation);
    if (card.dataset.state !== 'confirm-decline') show('confirm-decline');
    decline.reason.removeAttribute('aria-invalid');
    decline.reasonError.hidden = true;
    setDeclineBusy(true);
    const body = { token: window.acceptPage.token(), block: decline.block.checked };
    const reason = decline.reason.value.trim();
    if (reason) body.reason = reason;
    let result;
    try { result = await post(DECLINE_URL, body); } catch (_) { setDeclineBusy(false); show('error'); return; }
    setDeclineBusy(false);
    if (result.status === 200) {
      decline.blocked.hidden = !body.block;
      show('declined');
      window.acceptPage.spend();
      return;
    }
    if (handleCommon(result)) return;
    if (result.status === 409) { showConflict(result.data); return; }
    if (result.status === 400) { showDeclineError(result.data.errors); return; }
    show('error');
  }

  decline.open.addEventListener('click', () => show('confirm-decline'));
  decline.back.addEventListener('click', () => show('valid'));
  decline.confirm.addEventListener('click', () => { if (!decline.confirm.disabled) declineInvitation(); });
})();
