namespace FootDrop.Bot.Conversation;

/// <summary>Several paragraphs of content as the text of one message.</summary>
public static class Paragraphs
{
    /// <summary>A blank line between paragraphs: Markdown's paragraph break, which Teams, Web Chat and Emulator all render.</summary>
    public static string Join(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);
}
