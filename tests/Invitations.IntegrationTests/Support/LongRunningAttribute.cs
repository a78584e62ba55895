namespace Invitations.IntegrationTests.Support;

/// <summary>A class, or a collection of classes, that runs for a minute or more: <see cref="LongRunningFirst"/> starts it early.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;
