using System.Reflection;
using Invitations.Api.Endpoints;
using Invitations.Application.Common;
using Invitations.Domain.Invitations;
using Invitations.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invitations.IntegrationTests.Architecture;

/// <summary>References point inward only; the outer layers are swappable because the inner ones never name them.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Invitation).Assembly;
    private static readonly Assembly Application = typeof(IInvitationsDbContext).Assembly;
    private static readonly Assembly Infrastructure = typeof(InvitationsDbContext).Assembly;
    private static readonly Assembly Api = typeof(InvitationEndpoints).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("MediatR")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("FluentValidation")]
    [InlineData("Hangfire")]
    [InlineData("Npgsql")]
    [InlineData("Invitations.Application")]
    public void Domain_DoesNotReference(string forbidden) =>
        Assert.DoesNotContain(Domain.GetReferencedAssemblies(), a => a.Name!.StartsWith(forbidden, StringComparison.Ordinal));

    [Theory]
    [InlineData("Invitations.Infrastructure")]
    [InlineData("Invitations.Api")]
    [InlineData("Hangfire")]
    [InlineData("Npgsql")]
    [InlineData("MailKit")]
    public void Application_DoesNotReference(string forbidden) =>
        Assert.DoesNotContain(Application.GetReferencedAssemblies(), a => a.Name!.StartsWith(forbidden, StringComparison.Ordinal));

    [Fact]
    public void Infrastructure_DoesNotReferenceApi() =>
        Assert.DoesNotContain(Infrastructure.GetReferencedAssemblies(), a => a.Name == Api.GetName().Name);

    [Fact]
    public void Endpoints_NeverTakeTheDbContext()
    {
        var offenders = Api.GetTypes()
            .Where(t => t.Namespace is "Invitations.Api.Endpoints" or "Invitations.Api.Compatibility")
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType)
                                                   || p.ParameterType == typeof(IInvitationsDbContext)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void HandlersAndValidators_AreInternalSealed()
    {
        var contracts = new[] { typeof(IRequestHandler<,>), typeof(FluentValidation.IValidator<>) };
        var offenders = Application.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && contracts.Contains(i.GetGenericTypeDefinition())))
            .Where(t => !t.IsAbstract && (t.IsPublic || !t.IsSealed))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryRequest_HasExactlyOneHandler()
    {
        var requests = Application.GetTypes()
            .Where(t => t is { IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));
        var handled = Application.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        Assert.All(requests, r => Assert.Single(handled, h => h == r));
    }
}
