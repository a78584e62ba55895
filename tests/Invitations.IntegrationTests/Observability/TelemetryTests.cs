using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Invitations.IntegrationTests.Observability;

[Collection(ObservedHostCollection.Name)]
public sealed class TelemetryTests(ObservedHost api)
{
    [Fact]
    public async Task OneInvitation_FromItsCreateRequestToItsEmail_IsTracedAndCounted()
    {
        var workspace = await api.CreateWorkspaceAsync();
        api.FlushMetrics();
        var (created, sent, delays) = (api.Total("invitations.created"), api.Total("invitations.emails.sent"), api.Total("invitations.email.delay"));
        var trace = ActivityTraceId.CreateRandom();
        var email = Mailbox.NewAddress("traced");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/workspaces/{workspace.Id}/invitations")
        {
            Content = JsonContent.Create(new { email, role = "teammate" }),
        };
        request.Headers.Add("x-api-key", workspace.ApiKey);
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var id = (await (await api.CreateClient().SendAsync(request)).ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        await api.Smtp.WaitForMailAsync(email);
        await api.WaitForEmailStatusAsync(workspace, id, "sent");

        var requestSpan = Assert.Single(api.Spans, s => s.TraceId == trace && s.Kind == ActivityKind.Server);
        Assert.Equal("POST", requestSpan.GetTagItem("http.request.method"));
        Assert.Equal(201, requestSpan.GetTagItem("http.response.status_code"));
        var queries = api.Spans.Where(s => s.TraceId == trace && s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(queries);
        Assert.All(queries, query => Assert.Equal(ActivityKind.Client, query.Kind));
        Assert.Contains(queries, query => query.ParentSpanId == requestSpan.SpanId);

        var batch = await WaitForAsync(() => api.Spans.FirstOrDefault(s =>
            s.OperationName == "invitations.email.dispatch" && s.Links.Any(link => link.Context.TraceId == trace)));
        Assert.Equal(requestSpan.SpanId, Assert.Single(batch.Links, link => link.Context.TraceId == trace).Context.SpanId);
        Assert.NotEqual(trace, batch.TraceId); // a root of its own: one batch serves many requests
        Assert.Equal(1, batch.GetTagItem("invitations.emails.sent"));
        Assert.Contains(api.Spans, s => s.TraceId == batch.TraceId && s.Source.Name == "Npgsql"); // the batch's own statements
        Assert.Contains(api.Spans, s => s.ParentSpanId == batch.SpanId && s.Source.Name == "MailKit.Net.SmtpClient");

        api.FlushMetrics();
        Assert.Equal(created + 1, api.Total("invitations.created"));
        Assert.Equal(sent + 1, api.Total("invitations.emails.sent"));
        Assert.Equal(delays + 1, api.Total("invitations.email.delay"));
        var depth = api.Metrics.Snapshot().Last(m => m.Name == "invitations.outbox.depth");
        Assert.Equal(["email", "webhook"], depth.MetricPoints.Select(Kind).Order());
    }

    [Fact]
    public async Task ABulkRequest_CountsEveryInvitationItCreated()
    {
        var workspace = await api.CreateWorkspaceAsync();
        api.FlushMetrics();
        var created = api.Total("invitations.created");
        var rows = new[] { "one", "two", "three" }.Select(n => new { email = Mailbox.NewAddress(n), role = "viewer", send_email = false })
            .Append(new { email = "not an address", role = "viewer", send_email = false });

        var body = await (await api.ClientWithKey(workspace.ApiKey).PostAsJsonAsync(
            $"/v1/workspaces/{workspace.Id}/invitations/bulk", new { invitations = rows })).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, (int)body["summary"]!["created"]!);
        api.FlushMetrics();
        Assert.Equal(created + 3, api.Total("invitations.created"));
    }

    [Fact]
    public async Task AWebhookDispatch_IsASpanWithItsPostsAsChildren_AndCounted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var workspace = await api.CreateWorkspaceAsync();
        await api.RegisterWebhookAsync(workspace, receiver.Url);
        api.FlushMetrics();
        var delivered = api.Total("invitations.webhooks.delivered");

        await api.InvitationIdAsync(workspace);
        var received = await receiver.WaitForAsync(_ => true, JobScenario.Patience);

        // The POST carried its trace to the receiver: the dispatch's.
        var trace = ActivityContext.Parse(received.Headers["traceparent"], null).TraceId;
        var batch = await WaitForAsync(() => api.Spans.FirstOrDefault(s => s.TraceId == trace && s.OperationName == "invitations.webhook.dispatch"));
        var post = Assert.Single(api.Spans, s => s.ParentSpanId == batch.SpanId && s.Source.Name == "System.Net.Http");
        Assert.Equal(ActivityKind.Client, post.Kind);
        Assert.Equal(1, batch.GetTagItem("invitations.webhooks.delivered"));
        api.FlushMetrics();
        Assert.Equal(delivered + 1, api.Total("invitations.webhooks.delivered"));
    }

    private static string? Kind(OpenTelemetry.Metrics.MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == "kind")
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    /// <summary>A span is exported as it ends, which for a batch is just after its outcomes are recorded.</summary>
    private static async Task<Activity> WaitForAsync(Func<Activity?> find)
    {
        var deadline = DateTime.UtcNow + JobScenario.Patience;
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "The span never ended.");
            await Task.Delay(50);
        }
    }
}
