using System.Net;
using Invitations.IntegrationTests.AcceptPage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Invitations.IntegrationTests.Operations;

/// <summary>
/// /docs as a newcomer opens it: the page loads its OpenAPI document and shows the routes. It used to be reported that
/// the page's document request went to /docs/openapi/v1.json and got a 404; wherever a reader resolves it, it answers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferencePageTests(BrowserHost api, ChromiumFixture chromium)
{
    [Fact]
    public async Task TheDocsPage_LoadsItsDocumentAndShowsTheRoutes()
    {
        var page = await chromium.NewPageAsync();
        var documents = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/openapi/v1.json", StringComparison.Ordinal))
            {
                lock (documents) { documents.Add(response); }
            }
        };

        await page.GotoAsync(new Uri(api.BaseUrl, "/docs").ToString());

        await Expect(page.GetByText("Invite new teammate to the workspace").First).ToBeVisibleAsync();
        lock (documents)
        {
            Assert.NotEmpty(documents);
            Assert.All(documents, d => Assert.Equal(200, d.Status));
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/openapi/v1.json")]
    public async Task TheDocument_AnswersWhereverThePagesRelativeAddressIsResolved(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        var document = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.StartsWith("3.", (string?)document["openapi"]);
    }
}
