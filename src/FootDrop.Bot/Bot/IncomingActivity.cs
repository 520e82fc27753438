using FootDrop.Bot.DialogLayer.Prompts;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Bot;

/// <summary>Puts an incoming message in the one shape the dialogs read, whatever channel it came from.</summary>
public static class IncomingActivity
{
    /// <summary>
    /// Removes the @mention of the bot (Teams group chats and channels prefix it to the text), and gives a card submit
    /// without text (Adaptive Card Action.Submit, Teams messageBack) the text of the choice it carries.
    /// </summary>
    public static void Normalize(Activity activity)
    {
        if (activity.Type != ActivityTypes.Message)
        {
            return;
        }

        if (activity.Entities?.Count > 0 && !string.IsNullOrEmpty(activity.Text))
        {
            activity.RemoveRecipientMention();
            activity.Text = StripAtTags(activity.Text);
        }

        if (string.IsNullOrWhiteSpace(activity.Text) && ChoicePrompt.CardSubmitValue(activity) is { } submitted)
        {
            activity.Text = submitted;
        }

        activity.Text = activity.Text?.Trim();
    }

    /// <summary>Teams may leave the mention's markup behind when the recipient id in it differs in format.</summary>
    private static string StripAtTags(string text)
    {
        var start = text.IndexOf("<at>", StringComparison.OrdinalIgnoreCase);
        while (start >= 0)
        {
            var end = text.IndexOf("</at>", start, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                break;
            }

            text = text.Remove(start, end + 5 - start);
            start = text.IndexOf("<at>", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
