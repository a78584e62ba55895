namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <param name="Email">As the row gave it.</param>
/// <param name="Invitation">The created invitation (with <c>accept_url</c> when the row asked not to email it).</param>
/// <param name="Error">
/// What the row would have been refused with as a request of its own: a <see cref="Domain.Common.DomainException"/> or a
/// <see cref="FluentValidation.ValidationException"/>.
/// </param>
public sealed record BulkRowResult(
    int Index, int? Line, string? Email, BulkRowStatus Status, InvitationResponse? Invitation = null, Exception? Error = null);
