using FluentValidation;
using Invitations.Application.Common;

namespace Invitations.Application.Tests.Common;

public sealed class ValidationBehaviorTests
{
    private int _nextCalls;

    [Fact]
    public async Task Handle_FailingValidators_ThrowsAllFailuresWithoutCallingNext()
    {
        var names = new InlineValidator<PingRequest>();
        names.RuleFor(r => r.Name).NotEmpty().WithMessage("Name is required.");
        var counts = new InlineValidator<PingRequest>();
        counts.RuleFor(r => r.Count).GreaterThan(0).WithMessage("Count must be positive.");
        counts.RuleFor(r => r.Count).LessThan(-5).WithMessage("Count must be below -5.");
        var behavior = new ValidationBehavior<PingRequest, string>([names, counts]);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => behavior.Handle(new PingRequest(null, 0), CancellationToken.None, Next));

        Assert.Equal(
            ["Name is required.", "Count must be positive.", "Count must be below -5."],
            error.Errors.Select(e => e.ErrorMessage));
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task Handle_OneFailureAmongPassingValidators_Throws()
    {
        var names = new InlineValidator<PingRequest>();
        names.RuleFor(r => r.Name).NotEmpty();
        var counts = new InlineValidator<PingRequest>();
        counts.RuleFor(r => r.Count).GreaterThan(0).WithMessage("Count must be positive.");
        var behavior = new ValidationBehavior<PingRequest, string>([names, counts]);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => behavior.Handle(new PingRequest("ann", 0), CancellationToken.None, Next));

        Assert.Equal("Count must be positive.", Assert.Single(error.Errors).ErrorMessage);
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task Handle_PassingValidators_CallsNextOnceAndReturnsItsResult()
    {
        var names = new InlineValidator<PingRequest>();
        names.RuleFor(r => r.Name).NotEmpty();
        var behavior = new ValidationBehavior<PingRequest, string>([names, new InlineValidator<PingRequest>()]);

        var result = await behavior.Handle(new PingRequest("ann", 1), CancellationToken.None, Next);

        Assert.Equal("pong", result);
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task Handle_NoValidators_CallsNext()
    {
        var behavior = new ValidationBehavior<PingRequest, string>([]);

        var result = await behavior.Handle(new PingRequest(null, 0), CancellationToken.None, Next);

        Assert.Equal("pong", result);
        Assert.Equal(1, _nextCalls);
    }

    private Task<string> Next()
    {
        _nextCalls++;
        return Task.FromResult("pong");
    }
}
