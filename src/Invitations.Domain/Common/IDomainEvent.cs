namespace Invitations.Domain.Common;

public interface IDomainEvent;
