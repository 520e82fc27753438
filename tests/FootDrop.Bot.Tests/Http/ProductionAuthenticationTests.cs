using System.Net;
using FootDrop.Bot.Tests.Infrastructure;

namespace FootDrop.Bot.Tests.Http;

/// <summary>In Production with an Azure Bot registration, a request without a token meets the SDK's own refusal.</summary>
public sealed class ProductionAuthenticationTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task In_production_with_credentials_a_request_without_a_token_gets_the_Bot_Framework_401_not_the_setup_advice()
    {
        using var production = new BotApp(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppId"] = "5a0c7f1e-3a55-4d4b-9a57-0c3c2f0b7d11",
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppTenantId"] = "7d3e2b4c-1f7a-4c21-8e0e-3b2f6f1c9a42",
            },
            environment: "Production");

        var response = await production.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-auth-prod", "hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no valid Bot Framework token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_connector.Received);
    }
}
