using System.Net;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>
/// Bad input through the web widget's built-in Direct Line gets a clear answer and no failed turn: the Direct Line
/// adapter's turn-error handler would turn a crash into an apology, so every test checks it was never called.
/// </summary>
public sealed class DirectLineBadInputTests : IDisposable
{
    private readonly BotApp _bot;
    private readonly DirectLineClient _client;
    private readonly TurnErrorCounter _turnErrors;

    public DirectLineBadInputTests()
    {
        _bot = new BotApp();
        _client = new DirectLineClient(_bot.Http);
        _turnErrors = TurnErrorCounter.On(_bot.Services.GetRequiredService<DirectLineAdapter>());
    }

    private Texts Texts => _bot.Services.GetRequiredService<Texts>();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task An_empty_message_gets_a_helpful_reply()
    {
        var (grant, watermark) = await StartAsync();

        var post = await _client.PostMessageAsync(grant, string.Empty);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var replies = await RepliesAsync(grant, watermark);
        Assert.Contains(Texts[TextKeys.MessageEmpty], replies);
        AssertNoFailedTurn(replies);
    }

    [Fact]
    public async Task A_card_submit_without_text_gets_a_reply()
    {
        var (grant, watermark) = await StartAsync();

        var post = await _client.PostAsync(grant, new JObject
        {
            ["type"] = "message",
            ["value"] = new JObject { ["choice"] = new JObject { ["nested"] = true } },
        }.ToString());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var replies = await RepliesAsync(grant, watermark);
        Assert.NotEmpty(replies);
        AssertNoFailedTurn(replies);
    }

    [Fact]
    public async Task An_activity_of_an_unknown_type_fails_no_turn_and_the_chat_goes_on()
    {
        var (grant, watermark) = await StartAsync();

        var post = await _client.PostAsync(grant, new JObject { ["type"] = "somethingNew", ["text"] = "hello" }.ToString());

        Assert.True(post.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"got {(int)post.StatusCode}");
        await _client.PostMessageAsync(grant, "what causes foot drop");
        var replies = await RepliesAsync(grant, watermark);
        Assert.Contains(replies, t => t.StartsWith("Common causes", StringComparison.Ordinal));
        AssertNoFailedTurn(replies);
    }

    [Fact]
    public async Task A_warning_sign_at_the_end_of_a_very_long_message_is_still_read()
    {
        var (grant, watermark) = await StartAsync();
        var filler = string.Concat(Enumerable.Repeat("We went to the market and had a cup of tea after. ", 3000));

        var post = await _client.PostMessageAsync(grant, filler + "Now his mouth has dropped on one side.");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var replies = await RepliesAsync(grant, watermark);
        Assert.Contains(replies, t => t.StartsWith("Call ", StringComparison.Ordinal));
        AssertNoFailedTurn(replies);
    }

    [Fact]
    public async Task A_message_of_emoji_only_gets_a_reply_in_words()
    {
        var (grant, watermark) = await StartAsync();

        var post = await _client.PostMessageAsync(grant, "\U0001F9B6\U0001F622\U0001F622");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var replies = await RepliesAsync(grant, watermark);
        Assert.Contains(replies, t => t.Any(char.IsLetter));
        AssertNoFailedTurn(replies);
    }

    private async Task<(DirectLineClient.Grant Grant, string? Watermark)> StartAsync()
    {
        var grant = await _client.StartNewAsync();
        var watermark = (await _client.GetActivitiesAsync(grant)).Value<string>("watermark");
        return (grant, watermark);
    }

    /// <summary>The bot's replies after the watermark; a turn finishes before its post is answered.</summary>
    private async Task<IReadOnlyList<string>> RepliesAsync(DirectLineClient.Grant grant, string? watermark)
        => await _client.BotTextsAsync(grant, watermark);

    private void AssertNoFailedTurn(IReadOnlyList<string> replies)
    {
        _turnErrors.AssertNone();
        Assert.DoesNotContain(Texts[TextKeys.ErrorTurn], replies);
    }
}
