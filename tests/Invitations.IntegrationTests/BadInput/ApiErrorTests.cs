using System.Reflection;
using Invitations.Api.ErrorHandling;
using Invitations.Domain.Common;

namespace Invitations.IntegrationTests.BadInput;

public sealed class ApiErrorTests
{
    public static TheoryData<string> RuleCodes() => new(typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void EveryRule_IsAClientErrorWhoseTypeEndsWithItsCode(string code)
    {
        var error = ApiError.ForRule(code, "A sentence.");

        Assert.Equal(ErrorAssert.ProblemPrefix + code, error.Type);
        Assert.InRange(error.Status, 400, 499);
        Assert.False(string.IsNullOrWhiteSpace(error.Title));
    }
}
