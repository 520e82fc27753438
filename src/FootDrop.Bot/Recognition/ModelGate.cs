using FootDrop.Bot.Bot;
using FootDrop.Bot.Conversation;
using FootDrop.Content.Model;
using FootDrop.Content.Text;

namespace FootDrop.Bot.Recognition;

/// <summary>
/// Decides whether a message is worth the sentence model's 5 to 10 ms. Button presses, commands and prompt answers
/// the bot recognises ("Next", "Start hold", "yes", "7/10", "left") are read by the rules alone; the model is for
/// free text, where a warning sign may be said in words no rule lists.
/// </summary>
public sealed class ModelGate
{
    /// <summary>
    /// Shorter messages are read by the rules alone: they are answers and commands ("my right leg", "not really"), and a
    /// sign said in so few words ("can't pee", "face gone droopy") is in the rules' vocabulary.
    /// </summary>
    public const int MinWords = 5;

    private readonly HashSet<string> _known;

    public ModelGate(ContentCatalog content, Texts texts)
    {
        var phrases = content.Menu.SelectMany(m => m.Synonyms.Append(m.Title))
            .Concat(content.Exercises.SelectMany(e => e.Phrases.Append(e.Title)))
            .Concat(content.Sections.SelectMany(s => s.Phrases.Append(s.Title)))
            .Concat(TextKeys.All.Where(IsButton).Select(key => texts[key]))
            .Concat(GlobalCommands.Phrases);
        _known = phrases.Select(TextNormalizer.Canonical).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    public bool ShouldRead(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return normalized.Words.Count >= MinWords
            && !_known.Contains(normalized.Canonical)
            && !(normalized.Words.Count <= 5 && YesNoAnswers.Recognize(text) is not null);
    }

    private static bool IsButton(string key)
        => key.StartsWith("button.", StringComparison.Ordinal) || key.StartsWith("choice.", StringComparison.Ordinal)
            || key is TextKeys.SideLeft or TextKeys.SideRight or TextKeys.SideBoth or TextKeys.ExerciseSession;
}
