namespace Invitations.IntegrationTests.Support;

/// <summary>The three error bodies a client can meet, one per route family.</summary>
public enum ErrorBody
{
    /// <summary>RFC 9457 problem details: native, invitee and operator routes.</summary>
    Problem,

    /// <summary><c>{"status":"error","message":...}</c>: the invite-teammate route.</summary>
    StatusMessage,

    /// <summary><c>{"success":false,"message":...}</c>: the workspace-invite route.</summary>
    SuccessMessage,
}
