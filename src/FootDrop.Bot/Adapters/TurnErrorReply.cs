using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Adapters;

/// <summary>What the user is told when a turn fails. Its wording comes from the content in dialogs/.</summary>
public sealed class TurnErrorReply(Func<string> text)
{
    public Activity CreateActivity() => MessageFactory.Text(text());
}
