using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.SetBranding;

public sealed record SetBrandingCommand(
    WorkspaceId WorkspaceId,
    bool WhiteLabel,
    string? SenderEmail,
    bool SenderEmailVerified,
    string? CustomDomain,
    bool CustomDomainVerified,
    string? DefaultLocale = null) : IRequest<BrandingResponse>;
