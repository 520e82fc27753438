using System.Net;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Http;

/// <summary>Teams-shaped activities over /api/messages: mentions, card submits, install, and per-chat choice rendering.</summary>
public sealed class TeamsActivityTests : IAsyncLifetime
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

    [Fact]
    public async Task The_bots_mention_in_a_group_chat_is_removed_before_the_text_is_read()
    {
        var message = TeamsMessage("groupChat", "<at>FootDrop.Bot</at> what causes foot drop");
        message.Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = new { id = "28:bot", name = "FootDrop.Bot" }, text = "<at>FootDrop.Bot</at>", type = "mention" }) }];

        await _bot.PostActivityAsync(message);

        var replies = await _connector.WaitForAsync(1);
        Assert.StartsWith("Common causes", replies[0].Text);
    }

    [Fact]
    public async Task An_adaptive_card_submit_without_text_picks_the_choice()
    {
        var submit = TeamsMessage("personal", null);
        submit.Value = JObject.FromObject(new { choice = "exercises", msteams = new { type = "messageBack", displayText = "Exercises" } });

        await _bot.PostActivityAsync(submit);

        var replies = await _connector.WaitForAsync(1);
        Assert.Equal("Which exercise would you like to do?", ExtractText(replies[0]));
    }

    [Fact]
    public async Task Installing_the_app_gets_the_welcome()
    {
        var install = TeamsMessage("personal", null);
        install.Type = ActivityTypes.InstallationUpdate;
        install.Action = "add";

        var response = await _bot.PostActivityAsync(install);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(3);
        Assert.StartsWith("Hi, I'm FootDrop.Bot", replies[0].Text);
    }

    [Fact]
    public async Task In_a_group_chat_choices_are_card_buttons_never_suggested_actions()
    {
        await _bot.PostActivityAsync(TeamsMessage("groupChat", "hello"));

        var replies = await _connector.WaitForAsync(2);
        var menu = replies[1];
        Assert.Null(menu.SuggestedActions);
        var card = Assert.Single(menu.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var actions = JObject.FromObject(card.Content)["actions"]!;
        Assert.All(actions, a => Assert.Equal("Action.Submit", a.Value<string>("type")));
    }

    [Fact]
    public async Task In_a_personal_chat_three_choices_or_fewer_are_suggested_actions()
    {
        await _bot.PostActivityAsync(TeamsMessage("personal", "check my symptoms"));

        var replies = await _connector.WaitForAsync(2);
        var question = replies[1];
        Assert.Equal(["Yes", "No", "Not sure"], question.SuggestedActions.Actions.Select(a => a.Title));
        Assert.True(question.Attachments is null || question.Attachments.Count == 0);
    }

    private static string? ExtractText(Activity activity)
        => activity.Text ?? JObject.FromObject(activity.Attachments[0].Content)["body"]?[0]?.Value<string>("text");

    private Activity TeamsMessage(string conversationType, string? text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = _connector.ServiceUrl.ToString(),
        Conversation = new ConversationAccount(conversationType: conversationType, id: "a:" + Guid.NewGuid().ToString("N") + new string('x', 200), tenantId: "tenant-1"),
        From = new ChannelAccount("29:" + Guid.NewGuid().ToString("N"), "Pat", aadObjectId: Guid.NewGuid().ToString()),
        Recipient = new ChannelAccount("28:bot", "FootDrop.Bot"),
        Text = text,
        ChannelData = JObject.FromObject(new { tenant = new { id = "tenant-1" } }),
    };
}
