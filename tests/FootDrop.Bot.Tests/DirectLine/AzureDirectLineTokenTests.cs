using System.Diagnostics;
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

/// <summary>
/// In AzureDirectLine mode the page's token comes from the bot, which exchanges the secret server-side. Azure is played
/// by a loopback server that answers well, with garbage, with errors, or not at all.
/// </summary>
public sealed class AzureDirectLineTokenTests : IAsyncLifetime
{
    private const string Secret = "the-direct-line-secret";
    private readonly List<string?> _authorizations = [];
    private readonly LogCapture _logs = new();
    private Func<HttpContext, Task> _azureAnswers = null!;
    private WebApplication _azure = null!;
    private string _azureUrl = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _azure = builder.Build();
        _azure.MapPost("/v3/directline/tokens/generate", (HttpContext context) =>
        {
            lock (_authorizations)
            {
                _authorizations.Add(context.Request.Headers.Authorization);
            }

            return _azureAnswers(context);
        });
        await _azure.StartAsync();
        _azureUrl = _azure.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        AzureAnswers(context => context.Response.WriteAsJsonAsync(new { conversationId = "azure-conv", token = "azure-token", expires_in = 3600 }));
        _bot = StartBot(_azureUrl);
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

    [Theory]
    [InlineData("<html><body>Service Unavailable</body></html>", "text/html")]
    [InlineData("{\"token\": \"half", "application/json")]
    [InlineData("", "application/json")]
    public async Task An_answer_that_is_not_JSON_gives_502_with_a_clear_problem(string answer, string contentType)
    {
        AzureAnswers(context =>
        {
            context.Response.ContentType = contentType;
            return context.Response.WriteAsync(answer);
        });

        var response = await _bot.Http.PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not a Direct Line token", JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"conversationId\":\"azure-conv\",\"expires_in\":3600}")]
    [InlineData("{\"token\":\"azure-token\",\"expires_in\":3600}")]
    [InlineData("{\"token\":42,\"conversationId\":\"azure-conv\"}")]
    [InlineData("{\"token\":\"\",\"conversationId\":\"azure-conv\"}")]
    [InlineData("[\"azure-token\"]")]
    [InlineData("null")]
    public async Task An_answer_without_a_token_and_conversation_gives_502(string answer)
    {
        AzureAnswers(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(answer);
        });

        var response = await _bot.Http.PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("azure-token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_answer_far_longer_than_a_token_gives_502()
    {
        AzureAnswers(context => context.Response.WriteAsJsonAsync(new { conversationId = "azure-conv", token = new string('t', 100_000) }));

        var response = await _bot.Http.PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Theory]
    [InlineData(StatusCodes.Status403Forbidden)]
    [InlineData(StatusCodes.Status429TooManyRequests)]
    [InlineData(StatusCodes.Status500InternalServerError)]
    public async Task An_error_answer_gives_502_naming_its_status(int status)
    {
        AzureAnswers(context =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("{\"error\":{\"code\":\"BadArgument\",\"message\":\"nope\"}}");
        });

        var response = await _bot.Http.PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains($"it answered {status}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("BadArgument", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upstream_that_never_answers_gives_504_after_the_timeout()
    {
        AzureAnswers(context => Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted));
        var clock = Stopwatch.StartNew();

        var response = await _bot.Http.PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("did not answer within 5 s", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_upstream_that_sends_headers_and_then_stalls_gives_504()
    {
        AzureAnswers(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"token\":");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
        });

        var response = await _bot.Http.PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
    }

    [Fact]
    public async Task An_upstream_that_cannot_be_reached_gives_502()
    {
        using var bot = StartBot("http://127.0.0.1:1/");

        var response = await bot.Http.PostAsync("/api/webchat/token", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("could not be reached", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchanges_beyond_the_allowance_get_429_and_never_reach_Azure()
    {
        using var bot = StartBot(_azureUrl, ("WebChat:TokensPerMinute", "2"));

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await bot.Http.PostAsync("/api/webchat/token", null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(2, _authorizations.Count);
    }

    [Fact]
    public async Task Whatever_Azure_answers_the_secret_appears_in_no_response_and_no_log()
    {
        // A broken upstream that echoes the request's Authorization header back, in every way it can fail.
        var echoes = new Func<HttpContext, Task>[]
        {
            context => context.Response.WriteAsync("not json " + context.Request.Headers.Authorization),
            context =>
            {
                context.Response.StatusCode = 401;
                return context.Response.WriteAsync("bad secret: " + context.Request.Headers.Authorization);
            },
            context => context.Response.WriteAsJsonAsync(new { conversationId = (string?)null, token = (string?)null, secret = context.Request.Headers.Authorization.ToString() }),
        };
        var bodies = new List<string>();
        foreach (var echo in echoes)
        {
            AzureAnswers(echo);
            var response = await _bot.Http.PostAsync("/api/webchat/token", null);
            bodies.Add(string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => h.Key + ": " + string.Join(",", h.Value))) + "\n" + await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(3, _authorizations.Count);
        Assert.All(bodies, body => Assert.DoesNotContain(Secret, body));
        Assert.NotEmpty(_logs.Entries);
        Assert.DoesNotContain(_logs.Entries, e => e.ToString().Contains(Secret, StringComparison.Ordinal));
    }

    private void AzureAnswers(Func<HttpContext, Task> answer) => _azureAnswers = answer;

    private BotApp StartBot(string azureUrl, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["WebChat:Mode"] = "AzureDirectLine",
            ["WebChat:DirectLineSecret"] = Secret,
            ["WebChat:DirectLineBaseUrl"] = azureUrl,
            // Long enough for a loopback answer on a busy machine (one second was not, under a parallel build), short
            // enough for the two tests that wait for it.
            ["WebChat:TokenExchangeTimeout"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Debug",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new BotApp(all, _logs.AddTo);
    }
}
