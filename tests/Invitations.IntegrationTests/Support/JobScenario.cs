using System.Net;
using System.Text.Json.Nodes;
using Invitations.Application.Invitations.EmailOutbox;
using Invitations.Application.Invitations.ExpireOverdueInvitations;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invitations.IntegrationTests.Support;

/// <summary>Steps for tests of the background half: reading invitations back, waiting on jobs, running commands directly.</summary>
public static class JobScenario
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A new workspace with one emailed invitation, to a new address labelled <paramref name="label"/>.</summary>
    public static async Task<(TestWorkspace Workspace, string Email, Guid Id)> EmailedInvitationAsync(this ApiFactory api, string label)
    {
        var workspace = await api.CreateWorkspaceAsync();
        var email = Mailbox.NewAddress(label);
        return (workspace, email, await api.InvitationIdAsync(workspace, email, sendEmail: true));
    }

    /// <summary>Expires what earlier tests left pending (this test's clock moves would make it overdue), then a new workspace.</summary>
    public static async Task<TestWorkspace> StartCleanAsync(this ManualHost api)
    {
        api.FakeClock.Advance(TimeSpan.FromDays(31));
        await api.SendAsync(new ExpireOverdueInvitationsCommand());
        return await api.CreateWorkspaceAsync();
    }

    public static async Task<JsonObject> GetInvitationAsync(this ApiFactory api, TestWorkspace workspace, Guid id) =>
        await (await api.ClientWithKey(workspace.ApiKey).GetAsync($"/v1/workspaces/{workspace.Id}/invitations/{id}"))
            .ReadJsonAsync(HttpStatusCode.OK);

    /// <summary>Polls the invitation until <paramref name="until"/> holds; fails with the last state seen.</summary>
    public static async Task<JsonObject> WaitForInvitationAsync(
        this ApiFactory api, TestWorkspace workspace, Guid id, Func<JsonObject, bool> until, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var invitation = await api.GetInvitationAsync(workspace, id);
            if (until(invitation))
            {
                return invitation;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Invitation never reached '{what}' within {Patience}: {invitation.ToJsonString()}");
            }

            await Task.Delay(100);
        }
    }

    public static Task<JsonObject> WaitForEmailStatusAsync(this ApiFactory api, TestWorkspace workspace, Guid id, string status) =>
        api.WaitForInvitationAsync(workspace, id, i => (string?)i["email_status"] == status, $"email_status {status}");

    /// <summary>The newest invitation for an address, for routes whose response carries no invitation id.</summary>
    public static async Task<Guid> InvitationIdByEmailAsync(this ApiFactory api, TestWorkspace workspace, string email)
    {
        var page = await (await api.ClientWithKey(workspace.ApiKey)
                .GetAsync($"/v1/workspaces/{workspace.Id}/invitations?email={Uri.EscapeDataString(email)}"))
            .ReadJsonAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>();
    }

    public static Task<T> SendAsync<T>(this ApiFactory api, IRequest<T> request) =>
        api.InScopeAsync(services => services.GetRequiredService<IMediator>().Send(request));

    /// <summary>What a dispatch job does (drain every due email), run in the test instead of by a Hangfire worker.</summary>
    public static Task<DispatchReport> DispatchEmailsAsync(this ApiFactory api) =>
        api.SendAsync(new DispatchInvitationEmailsCommand());

    /// <summary>
    /// Waits until no owed email is due or in a dispatcher's hands and no dispatch job is running, so a mailbox count is
    /// final (an email backing off until later is not waited for).
    /// </summary>
    public static async Task WaitForEmailJobsToSettleAsync(this ApiFactory api)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await api.ScalarAsync<long>(
                   "SELECT (SELECT count(*) FROM invitation_deliveries WHERE status = 'pending' " +
                   "        AND (locked_until > now() OR next_attempt_at <= now())) " +
                   "     + (SELECT count(*) FROM hangfire.job WHERE invocationdata->>'Type' LIKE '%EmailDispatchJob%' " +
                   "        AND statename = 'Processing')") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Emails still being dispatched after {Patience}.");
            await Task.Delay(100);
        }
    }

    public static async Task<T> ScalarAsync<T>(this ApiFactory api, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)result;
    }

    public static async Task<int> ExecuteSqlAsync(this ApiFactory api, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }
}
