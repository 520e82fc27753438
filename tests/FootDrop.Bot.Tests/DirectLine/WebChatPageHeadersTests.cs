using System.Net;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>The page and its files carry security headers; who may frame the page follows WebChat:AllowedOrigins.</summary>
public sealed class WebChatPageHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/app.js")]
    [InlineData("/site.css")]
    [InlineData("/lib/webchat.js")]
    [InlineData("/api/webchat/config")]
    public async Task The_page_and_each_of_its_files_say_nosniff_no_referrer_and_the_policy(string path)
    {
        using var bot = new BotApp();

        var response = await bot.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal(bot.Services.GetRequiredService<WebChatSecurityHeaders>().ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task The_policy_allows_only_this_site_and_what_Web_Chat_needs()
    {
        using var bot = new BotApp();

        var policy = Directives(Header(await bot.Http.GetAsync("/"), "Content-Security-Policy"));

        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self' " + WebChatSecurityHeaders.EmptyStyleHash, policy["style-src"]);
        Assert.Equal("'self' data: blob:", policy["img-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["base-uri"]);
        Assert.Equal("'none'", policy["form-action"]);
    }

    [Fact]
    public async Task Without_allowed_origins_only_this_site_may_frame_the_page()
    {
        using var bot = new BotApp();

        var policy = Directives(Header(await bot.Http.GetAsync("/"), "Content-Security-Policy"));

        Assert.Equal("'self'", policy["frame-ancestors"]);
    }

    [Fact]
    public async Task Allowed_origins_may_frame_the_page_too()
    {
        using var bot = new BotApp(new Dictionary<string, string?>
        {
            ["WebChat:AllowedOrigins:0"] = "https://www.example-clinic.org/",
            ["WebChat:AllowedOrigins:1"] = "http://intranet.example-clinic.org:8080",
        });

        var policy = Directives(Header(await bot.Http.GetAsync("/"), "Content-Security-Policy"));

        Assert.Equal("'self' https://www.example-clinic.org http://intranet.example-clinic.org:8080", policy["frame-ancestors"]);
    }

    [Fact]
    public async Task In_AzureDirectLine_mode_the_page_may_call_Azures_Direct_Line_and_its_stream_and_nothing_else()
    {
        using var bot = new BotApp(new Dictionary<string, string?>
        {
            ["WebChat:Mode"] = "AzureDirectLine",
            ["WebChat:DirectLineSecret"] = "the-secret",
            ["WebChat:DirectLineBaseUrl"] = "https://europe.directline.botframework.com/",
        });

        var policy = Directives(Header(await bot.Http.GetAsync("/"), "Content-Security-Policy"));

        Assert.Equal("'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com", policy["connect-src"]);
    }

    [Theory]
    [InlineData("https://www.example-clinic.org/chat")]
    [InlineData("www.example-clinic.org")]
    [InlineData("https://www.example-clinic.org; script-src *")]
    [InlineData("https://user@www.example-clinic.org")]
    [InlineData("ftp://www.example-clinic.org")]
    public async Task An_allowed_origin_that_is_not_an_origin_stops_the_start_naming_it(string origin)
    {
        var failure = await StartFailure.MessagesAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory", ["WebChat:AllowedOrigins:0"] = origin });

        Assert.Contains($"WebChat:AllowedOrigins has '{origin}'", failure, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing");

    private static Dictionary<string, string> Directives(string policy)
        => policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty);
}
