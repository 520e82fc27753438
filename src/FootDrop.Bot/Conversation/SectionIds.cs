namespace FootDrop.Bot.Conversation;

/// <summary>Education sections the bot opens by id, not only from the topic list; dialogs/education.json must have them.</summary>
public static class SectionIds
{
    /// <summary>Opened when someone asks in general about a warning sign, rather than "I didn't get that".</summary>
    public const string WarningSigns = "warning-signs";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { WarningSigns };
}
