using Invitations.Domain.Invitations;

namespace Invitations.Application.Common;

/// <summary>Queues the background delivery of an owed invitation email. Returns the job's id.</summary>
public interface IEmailScheduler
{
    string Schedule(InvitationId invitationId, int deliveryVersion);
}
