using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Invitations.IntegrationTests.Operator;

[Collection(OperatorDisabledCollection.Name)]
public sealed class DashboardWithoutOperatorKeyTests(ApiFactory<OperatorAccessOff> api)
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(ApiFactory.OperatorKey)]
    public async Task Dashboard_WithNoOperatorSecretConfigured_IsForbiddenToEveryone(string? password)
    {
        var client = api.CreateClient();
        if (password is not null)
        {
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"operator:{password}")));
        }

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
