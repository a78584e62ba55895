using MediatR;

namespace Invitations.Application.Tests.Common;

public sealed record PingRequest(string? Name, int Count) : IRequest<string>;
