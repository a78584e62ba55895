using Invitations.Application.JoinLinks.JoinThroughLink;

namespace Invitations.Application.JoinLinks;

/// <summary>
/// Joins waiting to be made into invitations. A request is only queued (durably: a node that crashes after answering loses
/// nothing), and runs later as its <see cref="JoinThroughLinkCommand"/> on whichever node has workers, so the answer to a join
/// costs the same work whatever becomes of the address (docs/join-links.md).
/// </summary>
public interface IJoinQueue
{
    void Submit(JoinThroughLinkCommand join);
}
