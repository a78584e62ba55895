namespace Invitations.IntegrationTests.Operator;

/// <summary>Classes about a service with operator access off share one such host.</summary>
[CollectionDefinition(Name)]
[ResetDatabase<ApiFactory<OperatorAccessOff>>]
public sealed class OperatorDisabledCollection : ICollectionFixture<ApiFactory<OperatorAccessOff>>
{
    public const string Name = "Operator disabled";
}
