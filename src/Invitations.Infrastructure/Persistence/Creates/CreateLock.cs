using Invitations.Domain.Workspaces;

namespace Invitations.Infrastructure.Persistence.Creates;

/// <summary>A workspace's create lock: a transaction-level advisory lock in a class of its own, keyed by the workspace id.</summary>
internal static class CreateLock
{
    public const int Class = 0x1de4;

    public static int KeyOf(WorkspaceId workspace)
    {
        Span<int> parts = stackalloc int[4];
        workspace.Value.TryWriteBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(parts));
        return parts[0] ^ parts[1] ^ parts[2] ^ parts[3];
    }
}
