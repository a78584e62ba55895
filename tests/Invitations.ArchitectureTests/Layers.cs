using System.Reflection;
using Invitations.Api;
using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using NetArchTest.Rules;

namespace Invitations.ArchitectureTests;

internal static class Layers
{
    public static readonly Assembly Domain = typeof(Invitation).Assembly;
    public static readonly Assembly Application = typeof(IInvitationsDbContext).Assembly;
    public static readonly Assembly Api = typeof(InvitationsApi).Assembly;

    /// <summary>Passes when the rule holds for every type it selected, and it selected some: a rule about nothing proves nothing.</summary>
    public static void Holds(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.NotEmpty(result.SelectedTypesForTesting);
        Assert.True(
            result.IsSuccessful,
            "Broken by: " + string.Join("; ", result.FailingTypes.Select(t => $"{t.FullName} ({t.Explanation})")));
    }
}
