using Invitations.Application.Workspaces;
using Invitations.Domain.Invitations;

namespace Invitations.Application.Invitations.EmailOutbox;

/// <summary>A claimed email with what composing it needs: the invitation as it is now and its workspace's name and branding.</summary>
public sealed record OwedEmail(ClaimedEmail Claim, Invitation Invitation, WorkspaceCard Workspace);
