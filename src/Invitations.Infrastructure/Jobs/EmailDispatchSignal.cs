namespace Invitations.Infrastructure.Jobs;

/// <summary>Owed invitation emails: wakes the <c>emails</c> dispatch.</summary>
public sealed class EmailDispatchSignal : DispatchSignal;
