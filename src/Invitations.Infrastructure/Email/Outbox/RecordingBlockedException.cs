namespace Invitations.Infrastructure.Email.Outbox;

/// <summary>Recording waited too long for a lock: something that needs the whole table is queued behind the batch's hold.</summary>
internal sealed class RecordingBlockedException(Exception inner) : Exception("Recording the batch waited too long for a lock.", inner);
