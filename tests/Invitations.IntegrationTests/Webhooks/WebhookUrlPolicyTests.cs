using System.Net;
using Invitations.Infrastructure.Webhooks;

namespace Invitations.IntegrationTests.Webhooks;

/// <summary>
/// Which URLs may be registered. Nothing here connects anywhere: literals are judged as written, and host names are
/// resolved by a resolver the test gives, so no DNS query leaves the machine either.
/// </summary>
public sealed class WebhookUrlPolicyTests
{
    private static readonly Dictionary<string, IPAddress[]> Dns = new()
    {
        ["inward.example"] = [IPAddress.Loopback],
        ["metadata.example"] = [IPAddress.Parse("169.254.169.254")],
        ["mixed.example"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("10.1.2.3")],
        ["public.example"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("2606:2800:21f:cb07:6820:80da:af6b:8b2c")],
        ["nothing.example"] = [],
    };

    private static Task<IPAddress[]> Resolve(string host, CancellationToken _) =>
        Dns.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : throw new System.Net.Sockets.SocketException(11001);

    [Theory]
    [InlineData("http://public.example/hooks")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://127.8.9.10:8443/hooks")]
    [InlineData("https://10.0.0.1/hooks")]
    [InlineData("https://172.16.5.4/hooks")]
    [InlineData("https://192.168.1.1/hooks")]
    [InlineData("https://100.64.0.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://[::ffff:169.254.169.254]/hooks")]
    [InlineData("https://[fd00:ec2::254]/hooks")]
    [InlineData("https://[fe80::1]/hooks")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/hooks")]
    [InlineData("https://[2002:a00:1::]/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://api.localhost/hooks")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1")]
    [InlineData("https://inward.example/hooks")]
    [InlineData("https://metadata.example/hooks")]
    [InlineData("https://mixed.example/hooks")]
    [InlineData("https://nothing.example/hooks")]
    [InlineData("https://unknown.example/hooks")]
    [InlineData("https://user:secret@public.example/hooks")]
    [InlineData("ftp://public.example/hooks")]
    [InlineData("/hooks")]
    [InlineData("not a url")]
    public async Task Refused_WhenPrivateNetworksAreNotAllowed(string url)
    {
        var policy = new WebhookUrlPolicy(allowPrivateNetworks: false, Resolve);

        Assert.NotNull(await policy.RefusalAsync(url, CancellationToken.None));
    }

    [Theory]
    [InlineData("https://public.example/hooks")]
    [InlineData("https://public.example:8443/hooks?source=invitations")]
    [InlineData("https://93.184.215.14/hooks")]
    [InlineData("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hooks")]
    public async Task Accepted_HttpsToPublicAddresses(string url)
    {
        var policy = new WebhookUrlPolicy(allowPrivateNetworks: false, Resolve);

        Assert.Null(await policy.RefusalAsync(url, CancellationToken.None));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hooks", true)]
    [InlineData("http://localhost:5000/hooks", true)]
    [InlineData("https://10.0.0.1/hooks", true)]
    [InlineData("ftp://127.0.0.1/hooks", false)]
    [InlineData("http://user:pw@127.0.0.1/hooks", false)]
    public async Task AllowingPrivateNetworks_AllowsPlainHttpAndAnyAddress_ButNotOtherSchemes(string url, bool accepted)
    {
        var policy = new WebhookUrlPolicy(allowPrivateNetworks: true, Resolve);

        Assert.Equal(accepted, await policy.RefusalAsync(url, CancellationToken.None) is null);
    }

    [Fact]
    public async Task TooLongAUrl_IsRefused()
    {
        var policy = new WebhookUrlPolicy(allowPrivateNetworks: true, Resolve);

        Assert.NotNull(await policy.RefusalAsync("https://public.example/" + new string('a', WebhookUrlPolicy.MaxLength), CancellationToken.None));
    }
}
