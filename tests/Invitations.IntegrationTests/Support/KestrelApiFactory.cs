namespace Invitations.IntegrationTests.Support;

/// <summary>
/// The service on a real loopback port, so a browser can reach it and the emailed links point at it.
/// </summary>
public class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory()
    {
        BaseUrl = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
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
}
