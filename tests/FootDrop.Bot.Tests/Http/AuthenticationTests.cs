using System.Net;
using FootDrop.Bot.Tests.Infrastructure;

namespace FootDrop.Bot.Tests.Http;

/// <summary>With an Azure Bot registration configured, only requests carrying a valid Bot Framework token reach the bot.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private BotApp _bot = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApp(Credentials);
    }

    private static Dictionary<string, string?> Credentials => new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = "5a0c7f1e-3a55-4d4b-9a57-0c3c2f0b7d11",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["MicrosoftAppTenantId"] = "7d3e2b4c-1f7a-4c21-8e0e-3b2f6f1c9a42",
    };

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_and_never_reaches_the_bot()
    {
        var response = await _bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-auth", "hello").ExpectingReplies());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("activities", await response.Content.ReadAsStringAsync());
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task A_request_with_a_malformed_token_gets_401_and_never_reaches_the_bot()
    {
        var response = await _bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-auth", "hello").ExpectingReplies(), "not.a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task In_production_with_credentials_a_request_without_a_token_gets_the_Bot_Framework_401_not_the_setup_advice()
    {
        using var production = new BotApp(Credentials, environment: "Production");

        var response = await production.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-auth-prod", "hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no valid Bot Framework token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_connector.Received);
    }
}
