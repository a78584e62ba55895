using Invitations.Application.Common;

namespace Invitations.Api.Endpoints;

public sealed record CreateApiKeyRequest([property: UserIdRange] long? UserId);
