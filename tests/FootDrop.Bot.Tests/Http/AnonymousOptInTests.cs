using System.Net;
using FootDrop.Bot.Tests.Infrastructure;

namespace FootDrop.Bot.Tests.Http;

/// <summary>
/// Bot:AllowAnonymous=true, for a private machine: anonymous activities are served outside Development, but the bot
/// sends replies only to service URLs on the allow list (loopback when the list is empty).
/// </summary>
public sealed class AnonymousOptInTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task With_the_opt_in_a_loopback_connector_gets_the_reply()
    {
        using var bot = new BotApp(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }, environment: "Production");

        var response = await bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-optin", "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await _connector.WaitForAsync(1));
    }

    [Theory]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://localhost.example.com/")]
    public async Task With_the_opt_in_a_service_url_off_the_default_loopback_list_gets_403(string serviceUrl)
    {
        using var bot = new BotApp(new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }, environment: "Production");

        var response = await bot.PostActivityAsync(Activities.EmulatorMessage(new Uri(serviceUrl), "conv-optin-far", "help"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Bot:AllowedServiceUrls", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_allow_list_even_loopback_is_refused_unless_listed_and_the_listener_hears_nothing()
    {
        using var bot = new BotApp(
            new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true", ["Bot:AllowedServiceUrls:0"] = "https://connector.example-clinic.org/" },
            environment: "Production");

        var response = await bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-optin-list", "help"));
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, _connector.Requests);
    }

    [Fact]
    public async Task A_listed_service_url_gets_the_reply()
    {
        using var bot = new BotApp(
            new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true", ["Bot:AllowedServiceUrls:0"] = _connector.ServiceUrl.ToString() },
            environment: "Production");

        var response = await bot.PostActivityAsync(Activities.EmulatorMessage(_connector.ServiceUrl, "conv-optin-listed", "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await _connector.WaitForAsync(1));
    }

    [Fact]
    public async Task The_opt_in_together_with_credentials_stops_the_start_naming_both_settings()
    {
        var failure = await StartFailure.MessagesAsync(
            new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Memory",
                ["Bot:AllowAnonymous"] = "true",
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppId"] = "5a0c7f1e-3a55-4d4b-9a57-0c3c2f0b7d11",
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppTenantId"] = "7d3e2b4c-1f7a-4c21-8e0e-3b2f6f1c9a42",
            },
            "Production");

        Assert.Contains("Bot:AllowAnonymous is true but MicrosoftAppId is set", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allow_list_entry_that_is_not_a_url_stops_the_start_naming_it()
    {
        var failure = await StartFailure.MessagesAsync(
            new Dictionary<string, string?> { ["Storage:Provider"] = "Memory", ["Bot:AllowAnonymous"] = "true", ["Bot:AllowedServiceUrls:0"] = "connector.local" },
            "Production");

        Assert.Contains("Bot:AllowedServiceUrls has 'connector.local'", failure, StringComparison.Ordinal);
    }
}
