using FootDrop.Bot.DialogLayer;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Cards;

/// <summary>
/// Shows choices the way each channel supports them: suggested actions in Web Chat, Direct Line and Emulator; in Teams
/// suggested actions only in personal chats and for at most three choices, else Adaptive Card buttons; a numbered
/// list in the text anywhere else.
/// </summary>
public static class ChoiceRendering
{
    public const int TeamsSuggestedActionLimit = 3;

    public static void Apply(Activity reply, IReadOnlyList<Choice> choices, IActivity incoming)
    {
        switch (StyleFor(incoming, choices.Count))
        {
            case ChoiceStyle.SuggestedActions:
                reply.SuggestedActions = new SuggestedActions
                {
                    Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c.Title, value: c.Title)).ToList(),
                };
                break;
            case ChoiceStyle.CardButtons:
                reply.Attachments ??= [];
                reply.Attachments.Add(AdaptiveCards.WithButtons(reply.Text, choices));
                reply.Text = null;
                break;
            default:
                reply.Text = NumberedList(reply.Text, choices);
                break;
        }
    }

    public static ChoiceStyle StyleFor(IActivity incoming, int choiceCount)
    {
        switch (incoming.ChannelId)
        {
            case Channels.Msteams:
                var personal = string.Equals(incoming.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
                    || string.IsNullOrEmpty(incoming.Conversation?.ConversationType);
                return personal && choiceCount <= TeamsSuggestedActionLimit ? ChoiceStyle.SuggestedActions : ChoiceStyle.CardButtons;
            case Channels.Webchat:
            case Channels.Directline:
            case Channels.Emulator:
                return ChoiceStyle.SuggestedActions;
            default:
                return ChoiceStyle.NumberedList;
        }
    }

    /// <summary>The value a card button submits: <c>{ "choice": value }</c>, plus what Teams shows in the chat.</summary>
    public static JObject SubmitData(Choice choice) => new()
    {
        ["choice"] = choice.Value,
        ["msteams"] = new JObject
        {
            ["type"] = "messageBack",
            ["displayText"] = choice.Title,
        },
    };

    private static string NumberedList(string? text, IReadOnlyList<Choice> choices)
    {
        var lines = choices.Select((c, i) => $"{i + 1}. {c.Title}");
        return string.IsNullOrEmpty(text)
            ? string.Join("\n", lines)
            : text + "\n\n" + string.Join("\n", lines);
    }
}

public enum ChoiceStyle
{
    SuggestedActions,
    CardButtons,
    NumberedList,
}
