using System.Net;
using System.Net.Sockets;

namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The service on a real loopback port, so a browser can reach it and the emailed links point at it.
/// </summary>
public class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory()
    {
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        UseKestrel(BaseUrl.Port);
    }

    public Uri BaseUrl { get; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        // With Kestrel, StartServer points ClientOptions (and so CreateClient) at the address actually bound.
        if (ClientOptions.BaseAddress != BaseUrl)
        {
            throw new InvalidOperationException($"Kestrel listens on {ClientOptions.BaseAddress}, but links point at {BaseUrl}.");
        }
    }

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Invitations:FrontendBaseUrl"] = BaseUrl.ToString().TrimEnd('/');
        return settings;
    }

    // Kestrel learns the port before the host is built, and the link base must name the same one.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
