using FluentValidation;
using FluentValidation.Results;
using Invitations.Application.Invitations.CreateInvitation;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>What is known of each row before anything is read: its own validity, and whether an earlier row has its address.</summary>
internal static class BulkRowChecks
{
    /// <summary>A row as its own create would be: the defaults filled in, then the create's own validation.</summary>
    public static async Task<BulkRow> CheckAsync(
        IValidator<CreateInvitationCommand> rowValidator, int index, BulkInvitationRow given, BulkInvitationDefaults defaults, Actor actor,
        CancellationToken cancellationToken)
    {
        var create = new CreateInvitationCommand(
            actor,
            given.Email,
            given.Role ?? defaults.Role,
            given.FirstName,
            given.LastName,
            given.Team ?? defaults.Team,
            given.ExpiresInDays ?? defaults.ExpiresInDays,
            given.SendEmail ?? defaults.SendEmail ?? true,
            Metadata: given.Metadata ?? defaults.Metadata,
            Locale: given.Locale ?? defaults.Locale);
        var validation = await rowValidator.ValidateAsync(create, cancellationToken);
        if (given.Unreadable is { } unreadable)
        {
            validation.Errors.Insert(0, new ValidationFailure("Row", unreadable));
        }

        return validation.IsValid
            ? new BulkRow(index, given, create) { Email = EmailAddress.Create(create.Email) }
            : new BulkRow(index, given, create) { Outcome = (BulkRowStatus.Invalid, new ValidationException(validation.Errors)) };
    }

    /// <summary>The same address twice: the first valid row is the one used.</summary>
    public static void MarkRepeatedAddresses(List<BulkRow> rows)
    {
        var first = new Dictionary<string, BulkRow>();
        foreach (var row in rows.Where(r => r.Email is not null))
        {
            if (!first.TryAdd(row.Email!.Normalized, row))
            {
                var used = first[row.Email.Normalized];
                row.Outcome = (BulkRowStatus.DuplicateInRequest, new DomainException(
                    ErrorCodes.DuplicateInRequest,
                    $"{row.Email.Value} is also on row {used.Index}{(used.Given.Line is { } line ? $" (line {line})" : "")}; that row is the one used."));
            }
        }
    }
}
