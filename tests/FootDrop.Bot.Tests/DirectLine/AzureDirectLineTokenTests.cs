using System.Net;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>In AzureDirectLine mode the page's token comes from the bot, which exchanges the secret server-side.</summary>
public sealed class AzureDirectLineTokenTests : IAsyncLifetime
{
    private const string Secret = "the-direct-line-secret";
    private readonly List<string?> _authorizations = [];
    private WebApplication _azure = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _azure = builder.Build();
        _azure.MapPost("/v3/directline/tokens/generate", (HttpRequest request) =>
        {
            _authorizations.Add(request.Headers.Authorization);
            return Results.Json(new { conversationId = "azure-conv", token = "azure-token", expires_in = 3600 });
        });
        await _azure.StartAsync();
        var azureUrl = _azure.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

        _bot = new BotApp(new Dictionary<string, string?>
        {
            ["WebChat:Mode"] = "AzureDirectLine",
            ["WebChat:DirectLineSecret"] = Secret,
            ["WebChat:DirectLineBaseUrl"] = azureUrl,
        });
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _azure.DisposeAsync();
    }

    [Fact]
    public async Task The_page_gets_a_token_and_never_the_secret()
    {
        var response = await _bot.Http.PostAsync("/api/webchat/token", null);
        var body = await response.Content.ReadAsStringAsync();
        var config = await _bot.Http.GetStringAsync("/api/webchat/config");
        var page = await _bot.Http.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("azure-token", JObject.Parse(body).Value<string>("token"));
        Assert.Equal(["Bearer " + Secret], _authorizations);
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain(Secret, config);
        Assert.DoesNotContain(Secret, page);
        Assert.Equal("AzureDirectLine", JObject.Parse(config).Value<string>("mode"));
    }
}
