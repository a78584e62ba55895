using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Invitations.IntegrationTests.Operator;

[Collection(OperatorDisabledCollection.Name)]
public sealed class OperatorDisabledTests(ApiFactory<OperatorAccessOff> api)
{
    public static TheoryData<string, string, string> Routes()
    {
        var data = OperatorRoutes.All(Guid.NewGuid());
        data.Add("GET", "/hangfire", "");
        data.Add("GET", "/hangfire/jobs/enqueued", "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task OperatorRoute_WhenSecretEmpty_Is403EvenWithTheUsualKey(string method, string path, string body)
    {
        var client = api.OperatorClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{ApiFactory.OperatorKey}")));
        var before = await api.RowCountsAsync();

        var response = method == "GET"
            ? await client.GetAsync(path)
            : await client.SendRawAsync(new HttpMethod(method), path, body);

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await api.RowCountsAsync());
    }

    [Theory]
    [InlineData("/v1/admin/workspaces")]
    [InlineData("/hangfire")]
    public async Task OperatorRoute_WhenSecretEmpty_Is403WithoutAnyKey(string path)
    {
        var response = path == "/hangfire"
            ? await api.CreateClient().GetAsync(path)
            : await api.CreateClient().PostRawAsync(path, """{"name":"X","owner":{"email":"x@example.com"}}""");

        await ErrorAssert.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }
}
