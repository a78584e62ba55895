using System.Text.Json;
using Invitations.Application.Common;
using Invitations.Domain.Common;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Workspaces;

public sealed record MemberResponse(
    [property: UserIdRange] long UserId,
    Guid WorkspaceId,
    string Email,
    string? FirstName,
    string? LastName,
    string Role,
    string Team,
    string Status,
    DateTimeOffset JoinedAt,
    JsonElement Metadata)
{
    public static MemberResponse From(Member m) => new(
        m.UserId, m.WorkspaceId.Value, m.Email, m.FirstName, m.LastName, m.Role.Name(), m.TeamTitle,
        m.Status.LowerCaseName(), m.JoinedAt, m.Metadata.ToElement());
}
