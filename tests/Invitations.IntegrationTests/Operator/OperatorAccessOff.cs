namespace Invitations.IntegrationTests.Operator;

/// <summary>A service whose operator secret is not configured: operator routes and the dashboard are off.</summary>
public sealed class OperatorAccessOff : IHostSettings
{
    public static ApiHostOptions Options => ApiHostOptions.Service.With(("Operator:ApiKey", ""));
}
