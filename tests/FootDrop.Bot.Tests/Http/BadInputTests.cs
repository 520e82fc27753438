using System.Net;
using System.Text;
using FootDrop.Bot.Adapters;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.Hosting;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Content.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace FootDrop.Bot.Tests.Http;

/// <summary>
/// Whatever arrives on /api/messages, the answer is a clear status code, never a 500, and no turn fails: the turn-error
/// handler would turn a crash into a 200 and an apology, so every test also checks that it was never called.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private BotApp _bot = null!;
    private FakeConnector _connector = null!;
    private TurnErrorCounter _turnErrors = null!;

    private Texts Texts => _bot.Services.GetRequiredService<Texts>();

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new BotApp();
        _turnErrors = TurnErrorCounter.On(_bot.Services.GetRequiredService<AdapterWithErrorHandler>());
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
        _turnErrors.AssertNone();
    }

    [Fact]
    public async Task An_activity_without_a_conversation_gets_400()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "x", "hello");
        activity.Conversation = null;

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation", await response.Content.ReadAsStringAsync());
        _turnErrors.AssertNone();
    }

    [Fact]
    public async Task An_activity_without_a_type_gets_400()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "x", "hello");
        activity.Type = null;

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        _turnErrors.AssertNone();
    }

    [Fact]
    public async Task An_activity_without_a_service_url_gets_400()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "x", "hello");
        activity.ServiceUrl = null;

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        _turnErrors.AssertNone();
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
        _turnErrors.AssertNone();
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
        _turnErrors.AssertNone();
    }

    [Fact]
    public async Task An_empty_message_gets_a_helpful_reply()
    {
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-empty", "   ");

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(1);
        Assert.Equal(Texts[TextKeys.MessageEmpty], replies[0].Text);
        AssertNoApology();
        _turnErrors.AssertNone();
    }

    [Fact]
    public async Task A_message_just_under_the_body_limit_is_asked_to_be_brief()
    {
        // Longer than every limit inside the bot: the red-flag detector's reach, and Safety:MaxMessageLength.
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-huge", string.Empty);
        var envelope = BodyBytes(activity);
        activity.Text = string.Concat(Enumerable.Repeat("word ", MessagesEndpoint.MaxBodyBytes)).Remove(MessagesEndpoint.MaxBodyBytes - envelope - 1);
        Assert.Equal(MessagesEndpoint.MaxBodyBytes - 1, BodyBytes(activity));
        Assert.True(activity.Text.Length > _bot.Services.GetRequiredService<IOptions<SafetyOptions>>().Value.MaxMessageLength);

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(1);
        Assert.Equal(Texts[TextKeys.MessageTooLong], replies[0].Text);
        AssertNoApology();
        _turnErrors.AssertNone();
    }

    [Fact]
    public async Task A_warning_sign_at_the_very_end_of_a_message_just_under_the_body_limit_is_still_read()
    {
        const string sign = " Now my face is drooping on one side.";
        var activity = Activities.EmulatorMessage(_connector.ServiceUrl, "conv-huge-sign", string.Empty);
        var envelope = BodyBytes(activity);
        var filler = string.Concat(Enumerable.Repeat("I walked the dog and it was fine. ", MessagesEndpoint.MaxBodyBytes / 30));
        activity.Text = filler.Remove(MessagesEndpoint.MaxBodyBytes - envelope - Encoding.UTF8.GetByteCount(sign) - 1) + sign;
        Assert.Equal(MessagesEndpoint.MaxBodyBytes - 1, BodyBytes(activity));

        var response = await _bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(2);
        Assert.Contains(replies, r => r.Text?.StartsWith("Call ", StringComparison.Ordinal) == true);
        AssertNoApology();
        _turnErrors.AssertNone();
    }

    private static int BodyBytes(Microsoft.Bot.Schema.Activity activity)
        => Encoding.UTF8.GetByteCount(JsonConvert.SerializeObject(activity, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));

    private void AssertNoApology()
        => Assert.DoesNotContain(_connector.Received, a => a.Text == Texts[TextKeys.ErrorTurn]);
}
