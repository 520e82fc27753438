using System.Net;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.DirectLine;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static FootDrop.Bot.Tests.Infrastructure.DirectLineClient;

namespace FootDrop.Bot.Tests.DirectLine;

/// <summary>
/// The web page's lasting identity and its resumed conversation, through the token endpoint as app.js calls it on each
/// load with what the browser kept.
/// </summary>
public sealed class WebIdentityTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly BotApp _bot;
    private readonly DirectLineClient _client;

    public WebIdentityTests()
    {
        _bot = new BotApp(services: services => services.AddSingleton<TimeProvider>(_clock));
        _client = new DirectLineClient(_bot.Http);
    }

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_first_visit_gets_a_new_random_user_and_an_identity_to_keep()
    {
        var first = await _client.LoadPageAsync(null);
        var someoneElse = await _client.LoadPageAsync(null);

        Assert.Matches("^user-[0-9a-f]{32}$", first.Grant.UserId);
        Assert.NotEqual(first.Grant.UserId, someoneElse.Grant.UserId);
        Assert.False(string.IsNullOrEmpty(first.Identity));
        Assert.False(first.Resumed);
        Assert.False(first.Ended);
    }

    [Fact]
    public async Task A_page_that_kept_its_identity_is_the_same_user_next_time()
    {
        var first = await _client.LoadPageAsync(null);

        var again = await _client.LoadPageAsync(new Kept(first.Identity));

        Assert.Equal(first.Grant.UserId, again.Grant.UserId);
        Assert.NotEqual(first.Grant.ConversationId, again.Grant.ConversationId);
    }

    [Fact]
    public async Task A_tampered_identity_is_a_new_user()
    {
        var first = await _client.LoadPageAsync(null);
        var tampered = first.Identity[..^2] + (first.Identity[^2] == 'A' ? "BB" : "AA");

        var again = await _client.LoadPageAsync(new Kept(tampered));

        Assert.NotEqual(first.Grant.UserId, again.Grant.UserId);
    }

    [Fact]
    public async Task An_identity_unused_for_longer_than_web_users_are_kept_is_a_new_user()
    {
        var first = await _client.LoadPageAsync(null);
        _clock.Advance(TimeSpan.FromDays(91));

        var again = await _client.LoadPageAsync(new Kept(first.Identity));

        Assert.NotEqual(first.Grant.UserId, again.Grant.UserId);
    }

    [Fact]
    public async Task Each_load_renews_the_identity_so_a_regular_visitor_keeps_it_beyond_90_days()
    {
        var kept = (await _client.LoadPageAsync(null)).Identity;
        var userId = (await _client.LoadPageAsync(new Kept(kept))).Grant.UserId;
        for (var month = 0; month < 4; month++)
        {
            _clock.Advance(TimeSpan.FromDays(30));
            var load = await _client.LoadPageAsync(new Kept(kept));
            Assert.Equal(userId, load.Grant.UserId);
            kept = load.Identity;
        }
    }

    [Fact]
    public async Task A_reload_while_the_conversations_token_is_valid_resumes_it_with_its_history()
    {
        var first = await _client.LoadPageAsync(null);
        await _client.StartAsync(first.Grant);
        await _client.SayAsync(first.Grant, "what causes foot drop");
        _clock.Advance(TimeSpan.FromMinutes(20));

        var reload = await _client.LoadPageAsync(new Kept(first.Identity, first.Grant.ConversationId, first.Grant.Token));
        var history = await _client.BotTextsAsync(reload.Grant);

        Assert.True(reload.Resumed);
        Assert.False(reload.Ended);
        Assert.Equal(first.Grant.ConversationId, reload.Grant.ConversationId);
        Assert.Contains(history, t => t.StartsWith("Common causes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reload_after_the_token_expired_starts_a_new_conversation_for_the_same_user_and_says_so()
    {
        var first = await _client.LoadPageAsync(null);
        await _client.StartAsync(first.Grant);
        _clock.Advance(TimeSpan.FromMinutes(31));

        var reload = await _client.LoadPageAsync(new Kept(first.Identity, first.Grant.ConversationId, first.Grant.Token));

        Assert.False(reload.Resumed);
        Assert.True(reload.Ended);
        Assert.NotEqual(first.Grant.ConversationId, reload.Grant.ConversationId);
        Assert.Equal(first.Grant.UserId, reload.Grant.UserId);
    }

    [Fact]
    public async Task Someone_elses_conversation_is_not_resumed_even_with_its_token()
    {
        var theirs = await _client.LoadPageAsync(null);
        await _client.StartAsync(theirs.Grant);
        var mine = await _client.LoadPageAsync(null);

        var reload = await _client.LoadPageAsync(new Kept(mine.Identity, theirs.Grant.ConversationId, theirs.Grant.Token));

        Assert.False(reload.Resumed);
        Assert.NotEqual(theirs.Grant.ConversationId, reload.Grant.ConversationId);
        Assert.Equal(mine.Grant.UserId, reload.Grant.UserId);
    }

    [Fact]
    public async Task After_delete_my_data_the_bot_tells_the_page_to_forget_its_identity_before_confirming()
    {
        var page = await _client.LoadPageAsync(null);
        await _client.StartAsync(page.Grant);
        await _client.SayAsync(page.Grant, "delete my data");
        var watermark = (await _client.GetActivitiesAsync(page.Grant)).Value<string>("watermark");

        await _client.SayAsync(page.Grant, "yes");
        var after = (await _client.ActivitiesAsync(page.Grant, watermark)).ToList();

        var forget = after.FindIndex(a => a.Value<string>("type") == "event" && a.Value<string>("name") == WebIdentity.ForgetEventName);
        var confirmation = after.FindIndex(a => a.Value<string>("text")?.Contains("deleted", StringComparison.Ordinal) == true);
        Assert.InRange(forget, 0, confirmation - 1);
    }

    [Fact]
    public async Task After_delete_my_data_the_transcript_keeps_only_the_yes_that_asked_and_what_answers_it()
    {
        var page = await _client.LoadPageAsync(null);
        await _client.StartAsync(page.Grant);
        await _client.SayAsync(page.Grant, "what causes foot drop");
        await _client.SayAsync(page.Grant, "delete my data");

        await _client.SayAsync(page.Grant, "yes");

        // The page counts its "yes" as sent only once it comes back, so it stays; nothing from before it does.
        var kept = await _client.ActivitiesAsync(page.Grant);
        Assert.Equal(["yes"], kept.Where(a => a["from"]!.Value<string>("role") == "user").Select(a => a.Value<string>("text")));
        Assert.All(await _client.BotTextsAsync(page.Grant), text => Assert.Contains("deleted", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conversation_where_the_user_deleted_their_data_is_never_resumed_and_its_identity_is_replaced()
    {
        var page = await _client.LoadPageAsync(null);
        await _client.StartAsync(page.Grant);
        await _client.SayAsync(page.Grant, "delete my data");
        await _client.SayAsync(page.Grant, "yes");

        // A page that did not hear the bot's event (closed at that moment) still has both.
        var reload = await _client.LoadPageAsync(new Kept(page.Identity, page.Grant.ConversationId, page.Grant.Token));

        Assert.False(reload.Resumed);
        Assert.NotEqual(page.Grant.ConversationId, reload.Grant.ConversationId);
        Assert.NotEqual(page.Grant.UserId, reload.Grant.UserId);
        Assert.All(await _client.BotTextsAsync(page.Grant), text => Assert.Contains("deleted", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_affected_side_told_in_one_conversation_is_known_in_the_next_of_the_same_web_user()
    {
        var sidePrompt = _bot.Services.GetRequiredService<Texts>()[TextKeys.SidePrompt];
        var first = await _client.LoadPageAsync(null);
        await _client.StartAsync(first.Grant);
        await _client.SayAsync(first.Grant, "calf stretch");
        Assert.Contains(sidePrompt, await _client.BotTextsAsync(first.Grant));
        await _client.SayAsync(first.Grant, "right");

        var next = await _client.LoadPageAsync(new Kept(first.Identity));
        await _client.StartAsync(next.Grant);
        var watermark = (await _client.GetActivitiesAsync(next.Grant)).Value<string>("watermark");
        await _client.SayAsync(next.Grant, "calf stretch");

        Assert.DoesNotContain(sidePrompt, await _client.BotTextsAsync(next.Grant, watermark));
    }

    [Fact]
    public async Task A_token_request_that_is_not_json_gets_400()
    {
        var response = await _bot.Http.PostAsync("/api/webchat/token", new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
