namespace Invitations.IntegrationTests.Support;

/// <summary>A class that spends a minute or more mostly waiting: <see cref="LongRunningFirst"/> starts it early.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;
