using Invitations.Application.Workspaces.CreateWorkspace;
using Invitations.Infrastructure.Persistence;
using MediatR;

namespace Invitations.Api;

/// <summary>
/// The verbs of contracts §7: <c>migrate</c> (the migrations, then stored secrets re-encrypted under the first encryption key:
/// <see cref="DatabaseUpgrade"/>) and <c>create-workspace --name N --owner-email E</c>.
/// </summary>
internal static class CommandLine
{
    public static readonly string[] Verbs = ["migrate", "create-workspace"];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await DatabaseUpgrade.RunAsync(app.Services);
        if (args[0] == "migrate")
        {
            Console.WriteLine("Migrations applied; stored secrets are under the first encryption key.");
            return 0;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var name = Option(args, "--name");
        var ownerEmail = Option(args, "--owner-email");
        if (name is null || ownerEmail is null)
        {
            await Console.Error.WriteLineAsync("usage: create-workspace --name <name> --owner-email <email> [--owner-first-name F] [--owner-last-name L]");
            return 2;
        }

        try
        {
            var created = await services.GetRequiredService<IMediator>().Send(new CreateWorkspaceCommand(
                name, ownerEmail, Option(args, "--owner-first-name"), Option(args, "--owner-last-name")));
            Console.WriteLine($"workspace_id: {created.WorkspaceId}");
            Console.WriteLine($"owner_user_id: {created.Owner.UserId}");
            Console.WriteLine($"api_key: {created.ApiKey}");
            return 0;
        }
        catch (FluentValidation.ValidationException e)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, e.Errors.Select(f => f.ErrorMessage)));
            return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
