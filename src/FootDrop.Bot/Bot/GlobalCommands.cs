using FootDrop.Bot.Recognition;
using FootDrop.Content.Text;

namespace FootDrop.Bot.Bot;

public enum GlobalCommand
{
    None,
    Help,
    Menu,
    Cancel,
    StartOver,
    DeleteData,
}

/// <summary>
/// Words that work anywhere, even in the middle of a prompt. Only a whole message counts ("stop"), never a word inside
/// a sentence ("I can't stop tripping"), so a person describing a symptom is never mistaken for a command.
/// </summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> PhraseMap = new(StringComparer.Ordinal)
    {
        ["help"] = GlobalCommand.Help,
        ["help me"] = GlobalCommand.Help,
        ["what can you do"] = GlobalCommand.Help,
        ["how does this work"] = GlobalCommand.Help,
        ["menu"] = GlobalCommand.Menu,
        ["main menu"] = GlobalCommand.Menu,
        ["back to the menu"] = GlobalCommand.Menu,
        ["back to menu"] = GlobalCommand.Menu,
        ["show menu"] = GlobalCommand.Menu,
        ["show me the menu"] = GlobalCommand.Menu,
        ["home"] = GlobalCommand.Menu,
        ["cancel"] = GlobalCommand.Cancel,
        ["stop"] = GlobalCommand.Cancel,
        ["quit"] = GlobalCommand.Cancel,
        ["exit"] = GlobalCommand.Cancel,
        ["never mind"] = GlobalCommand.Cancel,
        ["nevermind"] = GlobalCommand.Cancel,
        ["start over"] = GlobalCommand.StartOver,
        ["start again"] = GlobalCommand.StartOver,
        ["restart"] = GlobalCommand.StartOver,
        ["reset"] = GlobalCommand.StartOver,
        ["delete my data"] = GlobalCommand.DeleteData,
        ["delete data"] = GlobalCommand.DeleteData,
        ["delete all my data"] = GlobalCommand.DeleteData,
        ["erase my data"] = GlobalCommand.DeleteData,
        ["forget me"] = GlobalCommand.DeleteData,
        ["remove my data"] = GlobalCommand.DeleteData,
    };

    /// <summary>Every phrase that works anywhere, as written here.</summary>
    public static IEnumerable<string> Phrases => PhraseMap.Keys;

    public static GlobalCommand Recognize(string? text)
    {
        var normalized = TextNormalizer.Canonical(text);
        if (normalized.StartsWith("please ", StringComparison.Ordinal))
        {
            normalized = normalized[7..];
        }

        return PhraseMap.GetValueOrDefault(normalized, GlobalCommand.None);
    }
}
