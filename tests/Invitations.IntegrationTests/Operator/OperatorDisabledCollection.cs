namespace Invitations.IntegrationTests.Operator;

/// <summary>Classes about a service with operator access off share one such host.</summary>
[CollectionDefinition(Name)]
[ResetDatabase<OperatorDisabledFactory>]
public sealed class OperatorDisabledCollection : ICollectionFixture<OperatorDisabledFactory>
{
    public const string Name = "Operator disabled";
}
