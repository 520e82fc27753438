namespace FootDrop.Bot.Recognition;

public enum YesNo
{
    Yes,
    No,
    Unsure,
}

/// <summary>
/// English yes/no recognition with common variants (the Recognizers Choice package is not on this feed).
/// Hedged answers ("a bit", "sort of") count as yes, because in this bot a yes leads to more care, not less.
/// </summary>
public static class YesNoWords
{
    private static readonly string[] NoPhrases =
    [
        "no", "n", "nope", "nah", "na", "no thanks", "no thank you", "not really", "not at all", "never", "none",
        "negative", "i dont", "i do not", "i havent", "i have not", "it doesnt", "it does not", "it didnt", "it did not",
        "it isnt", "it is not", "im not", "i am not", "not that i know of", "not that i know", "false", "nothing", "no way",
        "definitely not", "absolutely not", "of course not", "dont think so", "i dont think so", "no i dont", "nothing like that",
    ];

    private static readonly string[] UnsurePhrases =
    [
        "not sure", "unsure", "maybe", "perhaps", "possibly", "dont know", "i dont know", "do not know", "idk", "dunno",
        "no idea", "cant tell", "cannot tell", "hard to say", "hard to tell", "not certain", "i cant remember", "cant remember",
        "i dont remember", "might be", "could be",
    ];

    private static readonly string[] YesPhrases =
    [
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "yah", "aye", "sure", "ok", "okay", "k", "correct", "true",
        "affirmative", "absolutely", "definitely", "certainly", "indeed", "of course", "i do", "i have", "i am",
        "it does", "it did", "it is", "it has", "i think so", "think so", "a bit", "a little", "slightly", "sometimes",
        "kind of", "kinda", "sort of", "sorta", "a little bit", "yes please", "yes i do", "yes i have", "yes it did",
        "go on", "go ahead", "lets go", "ready", "im ready", "all good", "sounds good",
    ];

    /// <summary>Recognises an answer; null when the text is neither (for example a question back to the bot).</summary>
    public static YesNo? Recognize(string? text)
    {
        var normalized = Utterance.Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (LongestMatch(normalized, UnsurePhrases) > 0)
        {
            return YesNo.Unsure;
        }

        // "I do not" holds both "i do" and "i do not": the longer phrase is the answer.
        var no = LongestMatch(normalized, NoPhrases);
        var yes = LongestMatch(normalized, YesPhrases);
        if (yes == 0 && no == 0)
        {
            return null;
        }

        return yes > no ? YesNo.Yes : no > yes ? YesNo.No : YesNo.Unsure;
    }

    private static int LongestMatch(string normalized, string[] phrases)
    {
        var longest = 0;
        foreach (var phrase in phrases)
        {
            // Long messages are statements, not answers: only their opening words are read as one.
            var found = normalized.Length <= 60
                ? Utterance.ContainsPhrase(normalized, phrase)
                : normalized.StartsWith(phrase + " ", StringComparison.Ordinal);
            if (found && phrase.Length > longest)
            {
                longest = phrase.Length;
            }
        }

        return longest;
    }
}
