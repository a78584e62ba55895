using System.Text.Json;
using Invitations.Domain.Common;

namespace Invitations.Domain.Tests.Common;

public sealed class MetadataTests
{
    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    public void Create_NoneOrEmpty_IsEmpty(string json) => Assert.Same(Metadata.Empty, Metadata.Create(JsonElement.Parse(json)));

    [Fact]
    public void Create_KeepsKeysInTheGivenOrder_AsCompactUtf8()
    {
        var metadata = Metadata.Create(JsonElement.Parse("""{ "z.last": "ünï", "A_first-1": [1, {"x": null}] }"""));

        Assert.Equal("""{"z.last":"ünï","A_first-1":[1,{"x":null}]}""", metadata.Json);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"a b": 1}""", "'a b' is not allowed")]
    [InlineData("""{"x": 1, "x": 1}""", "unique")]
    public void Create_BreakingARule_IsRefusedNamingIt(string json, string rule)
    {
        var error = Assert.Throws<DomainException>(() => Metadata.Create(JsonElement.Parse(json)));

        Assert.Equal(ErrorCodes.InvalidMetadata, error.Code);
        Assert.Contains(rule, error.Message);
    }

    [Fact]
    public void Size_CountsUtf8Bytes_NotEscapes()
    {
        // 4096 bytes exactly: {"k":"…"} is 8 bytes around 2044 two-byte characters.
        var atLimit = JsonElement.Parse($$"""{"k":"{{new string('é', 2044)}}"}""");
        var over = JsonElement.Parse($$"""{"k":"{{new string('é', 2044)}}x"}""");

        Assert.Null(Metadata.Problem(atLimit, out _));
        Assert.Contains("at most 4096 bytes", Metadata.Problem(over, out _));
    }
}
