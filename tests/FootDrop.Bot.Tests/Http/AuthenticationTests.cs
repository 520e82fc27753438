using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using FootDrop.Bot.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Http;

/// <summary>
/// With an Azure Bot registration configured, only requests carrying a valid Bot Framework token reach the bot.
/// The tokens are real: signed by a key the test owns and checked by the SDK against OpenID metadata it fetches from
/// a loopback endpoint it is configured to trust. A refused request gets 401, and the bot neither answers it nor saves
/// any state for its conversation; the accepted one shows that both would be seen.
/// </summary>
public sealed class AuthenticationTests(AuthenticationTests.RegisteredBot bot) : IClassFixture<AuthenticationTests.RegisteredBot>
{
    private const string AppId = "5a0c7f1e-3a55-4d4b-9a57-0c3c2f0b7d11";

    // Nothing is ever posted here: every request asks for expectReplies, so replies come back in the response body.
    private const string ServiceUrl = "http://127.0.0.1:9/";

    [Fact]
    public async Task A_token_signed_by_the_trusted_key_for_this_bot_is_accepted()
    {
        var (response, conversation) = await bot.SendAsync(bot.Issuer.CreateToken(new TokenClaims(AppId, ServiceUrl)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
        Assert.Contains(replies, r => r.Value<string>("type") == "message" && !string.IsNullOrWhiteSpace(r.Value<string>("text")));
        Assert.NotEmpty(bot.Process.StoredKeys(conversation));
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused()
        => await bot.AssertRefusedAsync(null);

    [Fact]
    public async Task A_malformed_token_is_refused()
        => await bot.AssertRefusedAsync("not.a.jwt");

    [Fact]
    public async Task A_token_signed_by_another_key_with_the_trusted_key_id_is_refused()
    {
        using var otherKey = RSA.Create(2048);

        await bot.AssertRefusedAsync(bot.Issuer.CreateToken(new TokenClaims(AppId, ServiceUrl, SignWith: otherKey)));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
        => await bot.AssertRefusedAsync(bot.Issuer.CreateToken(new TokenClaims(AppId, ServiceUrl, ValidFrom: TimeSpan.FromHours(-2), ValidFor: TimeSpan.FromHours(1))));

    [Fact]
    public async Task A_token_not_valid_yet_is_refused()
        => await bot.AssertRefusedAsync(bot.Issuer.CreateToken(new TokenClaims(AppId, ServiceUrl, ValidFrom: TimeSpan.FromHours(1))));

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
        => await bot.AssertRefusedAsync(bot.Issuer.CreateToken(new TokenClaims(TokenIssuer.BotConnectorIssuer, ServiceUrl)));

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
        => await bot.AssertRefusedAsync(bot.Issuer.CreateToken(new TokenClaims(AppId, ServiceUrl, Issuer: "https://login.microsoftonline.com/7d3e2b4c-1f7a-4c21-8e0e-3b2f6f1c9a42/v2.0")));

    [Fact]
    public async Task A_token_for_another_bots_app_id_is_refused()
        => await bot.AssertRefusedAsync(bot.Issuer.CreateToken(new TokenClaims("0b7e5d3a-9c1f-4e2a-8d6b-5f4c3b2a1e0d", ServiceUrl)));

    [Fact]
    public async Task A_token_issued_for_another_service_url_is_refused()
        => await bot.AssertRefusedAsync(bot.Issuer.CreateToken(new TokenClaims(AppId, "https://127.0.0.1:9/elsewhere/")));

    /// <summary>
    /// The bot as Azure would run it (SingleTenant registration), trusting the test's token service for channel and
    /// Emulator tokens, with its login and user-token URLs on loopback as well, so nothing it does leaves this machine.
    /// </summary>
    public sealed class RegisteredBot : IAsyncLifetime
    {
        private readonly string _trust = Path.Combine(Path.GetTempPath(), "footdrop-trust-" + Guid.NewGuid().ToString("N") + ".pem");

        public TokenIssuer Issuer { get; private set; } = null!;

        public BotProcess Process { get; private set; } = null!;

        private HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        public async Task InitializeAsync()
        {
            Issuer = await TokenIssuer.StartAsync("emulator", "msteams", "webchat", "directline");
            await File.WriteAllTextAsync(_trust, Issuer.CertificatePem());
            Process = await BotProcess.StartAsync(new Dictionary<string, string>
            {
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppTenantId"] = "7d3e2b4c-1f7a-4c21-8e0e-3b2f6f1c9a42",

                // The SDK's own keys (ConfigurationBotFrameworkAuthentication). Setting any of them makes it take all of
                // them from configuration instead of its public-cloud constants, so all are set.
                ["ToBotFromChannelOpenIdMetadataUrl"] = Issuer.MetadataUrl.ToString(),
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = Issuer.MetadataUrl.ToString(),
                ["ToBotFromChannelTokenIssuer"] = TokenIssuer.BotConnectorIssuer,
                ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
                ["ToChannelFromBotLoginUrl"] = new Uri(Issuer.BaseAddress, "/botframework.com").ToString(),
                ["OAuthUrl"] = Issuer.BaseAddress.ToString(),
                ["CallerId"] = "urn:botframework:azure",

                // The bot process trusts the test's self-signed certificate, and only it.
                ["SSL_CERT_FILE"] = _trust,
            });
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            await Process.DisposeAsync();
            await Issuer.DisposeAsync();
            File.Delete(_trust);
        }

        /// <summary>Sends "hello" in a new conversation of a new user; returns the response and the conversation's id.</summary>
        public async Task<(HttpResponseMessage Response, string Conversation)> SendAsync(string? token)
        {
            var conversation = "conv-auth-" + Guid.NewGuid().ToString("N");
            var activity = Activities.EmulatorMessage(new Uri(ServiceUrl), conversation, "hello", "user-" + conversation).ExpectingReplies();
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Process.BaseAddress, "/api/messages"))
            {
                Content = new StringContent(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }), Encoding.UTF8, "application/json"),
            };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return (await Http.SendAsync(request), conversation);
        }

        public async Task AssertRefusedAsync(string? token)
        {
            var (response, conversation) = await SendAsync(token);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"Expected 401, got {(int)response.StatusCode}. Bot output:{Environment.NewLine}{Process.Output}");
            Assert.DoesNotContain("activities", await response.Content.ReadAsStringAsync());
            Assert.Empty(Process.StoredKeys(conversation));
        }
    }
}
