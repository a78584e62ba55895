using Invitations.Application.Common;
using Invitations.Application.Invitations.ListInvitations;
using Invitations.Domain.Workspaces;

namespace Invitations.Application.Tests.Invitations;

public sealed class ListInvitationsQueryValidatorTests
{
    private readonly ListInvitationsQueryValidator _validator = new();

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_LimitOutsideOneToHundred_IsRefused(int limit)
    {
        var result = _validator.Validate(Query() with { Limit = limit });

        Assert.Equal("Limit", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(null)]
    public void Validate_LimitWithinBounds_IsAccepted(int? limit)
    {
        Assert.True(_validator.Validate(Query() with { Limit = limit }).IsValid);
    }

    [Theory]
    [InlineData("archived")]
    [InlineData("invited")]
    public void Validate_UnknownStatus_IsRefused(string status)
    {
        var error = Assert.Single(_validator.Validate(Query() with { Status = status }).Errors);

        Assert.Equal("Status must be one of: pending, accepted, revoked, expired, declined.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("expired")]
    public void Validate_KnownStatus_IsAccepted(string status)
    {
        Assert.True(_validator.Validate(Query() with { Status = status }).IsValid);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("aGVsbG8")]
    [InlineData("MTIzLm5vdC1hLWd1aWQ")]
    public void Validate_GarbageCursor_IsRefused(string cursor)
    {
        var error = Assert.Single(_validator.Validate(Query() with { Cursor = cursor }).Errors);

        Assert.Equal("Cursor is not one this service issued.", error.ErrorMessage);
    }

    [Fact]
    public void Validate_CursorThisServiceIssued_IsAccepted()
    {
        var cursor = new PageCursor(InvitationBuilder.Start, Guid.NewGuid()).Encode();

        Assert.True(_validator.Validate(Query() with { Cursor = cursor }).IsValid);
    }

    [Fact]
    public void Validate_IssuedCursorWithSpaceInside_IsRefused()
    {
        var issued = new PageCursor(InvitationBuilder.Start, Guid.NewGuid()).Encode();

        var error = Assert.Single(_validator.Validate(Query() with { Cursor = issued.Insert(8, " ") }).Errors);

        Assert.Equal("Cursor is not one this service issued.", error.ErrorMessage);
    }

    private static ListInvitationsQuery Query() => new(InvitationBuilder.Actor());
}
