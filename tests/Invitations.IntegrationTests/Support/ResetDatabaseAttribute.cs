using System.Reflection;
using Xunit.Sdk;

namespace Invitations.IntegrationTests.Support;

/// <summary>On a collection definition: every test of the collection starts on an empty database in its shared host.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ResetDatabaseAttribute<THost> : BeforeAfterTestAttribute
    where THost : ApiFactory
{
    // Off xUnit's own threads: they are few, and this waits.
    public override void Before(MethodInfo methodUnderTest) => Task.Run(() => ApiFactory.Running<THost>().ResetAsync()).GetAwaiter().GetResult();
}
