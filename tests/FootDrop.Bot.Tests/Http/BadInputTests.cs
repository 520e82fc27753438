using System.Net;
using System.Text;
using FootDrop.Bot.Tests.Infrastructure;

namespace FootDrop.Bot.Tests.Http;

/// <summary>Whatever arrives on /api/messages, the answer is a clear status code, never a 500.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private BotApp _bot = null!;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApp();
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"a string\"")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_activity_gets_400(string body)
    {
        var response = await _bot.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_without_a_conversation_gets_400()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "x", "hello");
        activity.Conversation = null;

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_activity_without_a_type_gets_400()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "x", "hello");
        activity.Type = null;

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_activity_without_a_service_url_gets_400()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "x", "hello");
        activity.ServiceUrl = null;

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("mailto:someone@example.org")]
    public async Task An_activity_whose_service_url_is_not_http_gets_400(string serviceUrl)
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "x", "hello");
        activity.ServiceUrl = serviceUrl;

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_256_KB_gets_413()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "x", new string('a', 300 * 1024));

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task A_chunked_body_over_256_KB_without_a_length_gets_413()
    {
        var activity = Newtonsoft.Json.JsonConvert.SerializeObject(Activities.EmulatorMessage(_connector.ServiceUrl, "x", new string('a', 300 * 1024)));
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(activity)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_message_gets_a_helpful_reply()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-empty", "   ");

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(1);
        Assert.False(string.IsNullOrWhiteSpace(replies[0].Text));
    }

    [Fact]
    public async Task A_huge_message_under_the_limit_gets_a_clear_reply()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-huge", string.Join(' ', Enumerable.Repeat("word", 40_000)));

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(1);
        Assert.False(string.IsNullOrWhiteSpace(replies[0].Text));
    }
}
