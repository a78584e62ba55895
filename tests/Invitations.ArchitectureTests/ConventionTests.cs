using FluentValidation;
using MediatR;

namespace Invitations.ArchitectureTests;

public sealed class ConventionTests
{
    [Fact]
    public void HandlersAndValidators_AreInternalSealed()
    {
        var contracts = new[] { typeof(IRequestHandler<,>), typeof(IValidator<>) };
        var offenders = Layers.Application.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && contracts.Contains(i.GetGenericTypeDefinition())))
            .Where(t => !t.IsAbstract && (t.IsPublic || !t.IsSealed))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryRequest_HasExactlyOneHandler()
    {
        var requests = Layers.Application.GetTypes()
            .Where(t => t is { IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));
        var handled = Layers.Application.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        Assert.All(requests, r => Assert.Single(handled, h => h == r));
    }
}
