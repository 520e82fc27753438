namespace FootDrop.Content.Text;

public enum YesNo
{
    Yes,
    No,
    Unsure,
}

/// <summary>
/// Reads a typed answer to a yes/no question. "Not sure", "no idea" and "not really sure" are checked first, so a
/// doubt is never read as a no: in this bot a yes or a doubt leads to more care, not less. A longer message is an
/// answer only when it starts with one ("no, but my foot is numb"); "I have had foot drop for years" is a statement,
/// not a yes.
/// </summary>
public static class YesNoAnswers
{
    /// <summary>Answers this short are read whole; longer ones only by their first words.</summary>
    private const int ShortAnswerWords = 5;

    private static readonly string[][] UnsurePhrases = Phrases(
        "not sure", "not really sure", "not quite sure", "not totally sure", "not 100 sure", "unsure", "maybe", "perhaps",
        "possibly", "do not know", "i do not know", "no idea", "not a clue", "no clue", "not certain", "can not tell",
        "could not tell", "hard to say", "hard to tell", "can not remember", "could not remember", "do not remember",
        "might be", "could be", "may be", "who knows", "not sure really", "hmm", "um", "uncertain", "i wonder", "possibly yes",
        "kind of not sure", "cannot say", "can not say", "not that sure");

    private static readonly string[][] NoPhrases = Phrases(
        "no", "n", "nope", "nah", "na", "no thanks", "no thank you", "not really", "not at all", "never", "none",
        "negative", "i do not", "i have not", "it does not", "it did not", "it is not", "i am not", "not that i know of",
        "not that i know", "false", "nothing", "no way", "definitely not", "absolutely not", "of course not",
        "do not think so", "i do not think so", "nothing like that", "none of those", "none of that", "nothing of the sort",
        "not any", "not one", "none at all", "no none", "no nothing", "not now", "not any more", "no longer");

    private static readonly string[][] YesPhrases = Phrases(
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "yah", "aye", "sure", "ok", "okay", "k", "correct", "true",
        "affirmative", "absolutely", "definitely", "certainly", "indeed", "of course", "i do", "i have", "i am",
        "it does", "it did", "it is", "it has", "he does", "she does", "he has", "she has", "he is", "she is",
        "i think so", "think so", "a bit", "a little", "slightly", "sometimes", "kind of", "kinda", "sort of", "sorta",
        "a little bit", "yes please", "yes i do", "yes i have", "yes it did", "go on", "go ahead", "lets go", "ready",
        "i am ready", "all good", "sounds good", "yes it has", "it is yes", "afraid so", "i am afraid so", "yes sadly");

    /// <summary>
    /// Yes words that only acknowledge ("ok", "sure", "ready"): a yes to "shall we start?", but no answer to "is your
    /// face drooping?", where "ok next exercise" or "towel ok?" must not count as a warning sign.
    /// </summary>
    private static readonly string[][] Acknowledgements = Phrases(
        "ok", "okay", "k", "sure", "ready", "i am ready", "go on", "go ahead", "lets go", "all good", "sounds good", "yes please");

    private static readonly string[][] SymptomYesPhrases = [.. YesPhrases.Where(p => !Acknowledgements.Any(a => a.SequenceEqual(p)))];

    /// <summary>Words a longer message may open with to answer the question it follows.</summary>
    private static readonly HashSet<string> OpeningYes = new(StringComparer.Ordinal) { "yes", "yeah", "yep", "yup", "yea", "aye", "ya" };

    private static readonly HashSet<string> OpeningNo = new(StringComparer.Ordinal) { "no", "nope", "nah", "na" };

    /// <summary>
    /// Recognises an answer; null when the text is neither (for example a question back to the bot). An answer
    /// <paramref name="aboutSymptoms"/> (is this sign there?) is read more strictly: an acknowledgement ("ok done") or
    /// a short question back ("towel ok?") answers nothing, so the question is asked again rather than guessed.
    /// </summary>
    public static YesNo? Recognize(string? text, bool aboutSymptoms = false)
    {
        var normalized = TextNormalizer.Normalize(text);
        var words = normalized.Words;
        if (words.Count == 0)
        {
            return null;
        }

        if (words.Count <= ShortAnswerWords)
        {
            if (LongestMatch(words, UnsurePhrases, anywhere: true) > 0)
            {
                return YesNo.Unsure;
            }

            if (aboutSymptoms && words.Count > 1 && normalized.Sentences().Last().IsQuestion && !OpeningYes.Contains(words[0]) && !OpeningNo.Contains(words[0]))
            {
                return null;
            }

            // "I do not" holds both "i do" and "i do not": the longer phrase is the answer.
            var no = LongestMatch(words, NoPhrases, anywhere: true);
            var yes = LongestMatch(words, aboutSymptoms ? SymptomYesPhrases : YesPhrases, anywhere: true);
            return yes == 0 && no == 0 ? null : yes > no ? YesNo.Yes : no > yes ? YesNo.No : YesNo.Unsure;
        }

        if (LongestMatch(words, UnsurePhrases, anywhere: false) > 0)
        {
            return YesNo.Unsure;
        }

        if (OpeningYes.Contains(words[0]))
        {
            return YesNo.Yes;
        }

        // "Not really, ..." and "no, ..." answer no; "not sure" was caught above.
        return OpeningNo.Contains(words[0]) || LongestMatch(words, Phrases("not really", "not at all", "none", "nothing like that"), anywhere: false) > 0
            ? YesNo.No
            : null;
    }

    private static string[][] Phrases(params string[] phrases) => [.. phrases.Select(TextNormalizer.Words)];

    private static int LongestMatch(IReadOnlyList<string> words, string[][] phrases, bool anywhere)
    {
        var longest = 0;
        foreach (var phrase in phrases)
        {
            if (phrase.Length > longest && (anywhere ? ContainsAt(words, phrase) >= 0 : StartsWith(words, phrase)))
            {
                longest = phrase.Length;
            }
        }

        return longest;
    }

    private static bool StartsWith(IReadOnlyList<string> words, string[] phrase) => phrase.Length <= words.Count && Matches(words, phrase, 0);

    private static int ContainsAt(IReadOnlyList<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            if (Matches(words, phrase, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Matches(IReadOnlyList<string> words, string[] phrase, int at)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (words[at + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }
}
