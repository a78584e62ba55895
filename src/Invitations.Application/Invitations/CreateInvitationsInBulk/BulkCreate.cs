using Invitations.Domain.Workspaces;

namespace Invitations.Application.Invitations.CreateInvitationsInBulk;

/// <summary>A row that will be created: its team, and the lifetime the workspace's policy gives it.</summary>
internal sealed record BulkCreate(BulkRow Row, TeamRef Team, TimeSpan Lifetime);
