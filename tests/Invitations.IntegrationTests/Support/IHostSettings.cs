namespace Invitations.IntegrationTests.Support;

/// <summary>A host of a class's own: a kind of <see cref="ApiHostOptions"/> with the settings that class needs.</summary>
public interface IHostSettings
{
    static abstract ApiHostOptions Options { get; }
}

/// <summary>The host <typeparamref name="TSettings"/> describes, as a class (or collection) fixture.</summary>
public sealed class ApiFactory<TSettings>() : ApiFactory(TSettings.Options)
    where TSettings : IHostSettings;
