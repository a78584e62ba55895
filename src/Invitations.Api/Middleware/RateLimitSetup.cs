using System.Threading.RateLimiting;
using Invitations.Api.Endpoints;
using Invitations.Api.ErrorHandling;
using Invitations.Application.Common;
using Microsoft.Extensions.Options;

namespace Invitations.Api.Middleware;

internal static class RateLimitSetup
{
    /// <summary>
    /// The invitee routes' limit (<see cref="InviteeEndpoints.RateLimitPolicy"/>): per client address, a fixed window of a minute
    /// holding Invitations:InviteeRequestsPerMinute requests. A refusal is an <see cref="ApiError.RateLimited"/> saying when to retry.
    /// </summary>
    public static IServiceCollection AddInvitationsRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(InviteeEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<InvitationOptions>>().Value.InviteeRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                return new ValueTask(ApiError.RateLimited(retryAfter).ExecuteAsync(context.HttpContext));
            };
        });
}
