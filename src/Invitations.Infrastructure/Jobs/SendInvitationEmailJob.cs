using System.ComponentModel;
using Hangfire.Server;
using Invitations.Application.Common;
using Invitations.Application.Invitations.SendInvitationEmail;
using Invitations.Domain.Invitations;
using MediatR;
using Microsoft.Extensions.Options;

namespace Invitations.Infrastructure.Jobs;

/// <summary>Arguments are ids only: the link secret is minted inside the command and never stored by Hangfire.</summary>
public sealed class SendInvitationEmailJob(IMediator mediator, IOptions<EmailOptions> options)
{
    [DisplayName("Send invitation email {0} (delivery {1})")]
    public async Task RunAsync(Guid invitationId, int deliveryVersion, PerformContext? context, CancellationToken cancellationToken)
    {
        var retries = context?.GetJobParameter<int>("RetryCount") ?? 0;
        var final = retries >= options.Value.RetryDelays.Length;
        await mediator.Send(new SendInvitationEmailCommand(new InvitationId(invitationId), deliveryVersion, final), cancellationToken);
    }
}
