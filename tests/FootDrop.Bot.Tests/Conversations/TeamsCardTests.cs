using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>Every card the bot sends in Teams is an Adaptive Card 1.5 that Teams can render and submit.</summary>
public sealed class TeamsCardTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private static readonly HashSet<string> BodyElements = ["TextBlock"];
    private static readonly HashSet<string> Actions = ["Action.Submit"];

    [Theory]
    [InlineData("groupChat", new[] { "hello", "Learn about foot drop", "What causes it", "menu", "Exercises", "Toe lifts", "Left", "no", "no", "slowly over months", "no", "no", "no", "no", "no", "Next", "I did all reps", "Finish this exercise", "1" })]
    [InlineData("personal", new[] { "hello", "Check my symptoms", "no", "no", "for about 3 weeks", "no", "no", "no", "no", "no", "Show my summary", "delete my data", "no" })]
    public async Task Every_card_in_a_teams_conversation_is_a_valid_adaptive_card_1_5(string conversationType, string[] messages)
    {
        var adapter = bot.NewConversation(Channels.Msteams, conversationType);
        var cards = 0;
        foreach (var message in messages)
        {
            var activity = adapter.MakeActivity(message);
            await adapter.ProcessActivityAsync(activity, bot.Bot.OnTurnAsync, CancellationToken.None);
            while (adapter.GetNextReply() is Activity reply)
            {
                foreach (var attachment in reply.Attachments ?? [])
                {
                    AssertValidCard(attachment);
                    cards++;
                }

                if (reply.SuggestedActions is { } suggested)
                {
                    Assert.Equal("personal", conversationType);
                    Assert.True(suggested.Actions.Count <= 3, "Teams shows at most three suggested actions");
                }
            }
        }

        Assert.True(cards > 0, "the conversation showed no card at all");
    }

    private static void AssertValidCard(Attachment attachment)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = JObject.FromObject(attachment.Content);
        Assert.Equal("AdaptiveCard", card.Value<string>("type"));
        Assert.Equal("1.5", card.Value<string>("version"));
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.Value<string>("$schema"));
        foreach (var element in card["body"]!)
        {
            Assert.Contains(element.Value<string>("type")!, BodyElements);
            Assert.False(string.IsNullOrWhiteSpace(element.Value<string>("text")));
        }

        var actions = (JArray)card["actions"]!;
        Assert.NotEmpty(actions);
        foreach (var action in actions)
        {
            Assert.Contains(action.Value<string>("type")!, Actions);
            Assert.False(string.IsNullOrWhiteSpace(action.Value<string>("title")));
            var data = (JObject)action["data"]!;
            Assert.False(string.IsNullOrWhiteSpace(data.Value<string>("choice")));
            Assert.Equal("messageBack", data["msteams"]!.Value<string>("type"));
        }
    }
}
