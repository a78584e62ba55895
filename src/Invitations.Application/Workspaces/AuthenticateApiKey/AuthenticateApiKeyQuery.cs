using Invitations.Domain.Workspaces;
using MediatR;

namespace Invitations.Application.Workspaces.AuthenticateApiKey;

/// <summary>Who a workspace API key acts as; null for an unknown key or a member no longer active.</summary>
public sealed record AuthenticateApiKeyQuery(string ApiKey) : IRequest<Actor?>;
