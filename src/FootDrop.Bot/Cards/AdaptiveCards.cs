using FootDrop.Bot.DialogLayer;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Cards;

/// <summary>
/// Every Adaptive Card the bot sends is built here, as plain JSON (the .NET AdaptiveCards library is not on the feed).
/// Cards stay within schema version 1.5, the highest Teams renders on every client.
/// </summary>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static Attachment WithButtons(string? text, IReadOnlyList<Choice> choices)
    {
        var body = new JArray();
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.Add(TextBlock(text));
        }

        var actions = new JArray(choices.Select(c => new JObject
        {
            ["type"] = "Action.Submit",
            ["title"] = c.Title,
            ["data"] = ChoiceRendering.SubmitData(c),
        }));

        return Card(body, actions);
    }

    /// <summary>A text and one button that opens a link (the reminder's calendar file).</summary>
    public static Attachment WithLink(string text, string title, string url)
        => Card(new JArray(TextBlock(text)), new JArray(new JObject
        {
            ["type"] = "Action.OpenUrl",
            ["title"] = title,
            ["url"] = url,
        }));

    private static JObject TextBlock(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
    };

    private static Attachment Card(JArray body, JArray actions) => new()
    {
        ContentType = ContentType,
        Content = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
            ["actions"] = actions,
        },
    };
}
