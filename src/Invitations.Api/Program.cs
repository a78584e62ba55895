using Invitations.Api;
using Invitations.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

try
{
    var verb = args.Length > 0 && CommandLine.Verbs.Contains(args[0]);
    var builder = InvitationsApi.CreateBuilder(verb ? [] : args);
    if (verb)
    {
        // A verb does its work and exits: no job server, no listening socket.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return await CommandLine.RunAsync(builder.Build(), args);
    }

    var app = InvitationsApi.Build(builder);
    if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
    {
        await DatabaseUpgrade.RunAsync(app.Services);
    }

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is OptionsValidationException
                          || (e is InvalidOperationException && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal)))
{
    await Console.Error.WriteLineAsync($"Invitations can't start, its configuration is not valid: {e.Message}");
    return 78; // EX_CONFIG (sysexits.h)
}

/// <summary>Visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
