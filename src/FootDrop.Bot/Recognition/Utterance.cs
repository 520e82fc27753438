using System.Text;

namespace FootDrop.Bot.Recognition;

/// <summary>Lower-cases, folds apostrophes and strips punctuation so that "Yes!", "yes" and " YES." compare equal.</summary>
public static class Utterance
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is '\'' or '\u2019' or '\u2018')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '&')
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="normalized"/> as whole words.</summary>
    public static bool ContainsPhrase(string normalized, string normalizedPhrase)
    {
        if (normalizedPhrase.Length == 0)
        {
            return false;
        }

        var index = 0;
        while ((index = normalized.IndexOf(normalizedPhrase, index, StringComparison.Ordinal)) >= 0)
        {
            var before = index == 0 || normalized[index - 1] == ' ';
            var end = index + normalizedPhrase.Length;
            var after = end == normalized.Length || normalized[end] == ' ';
            if (before && after)
            {
                return true;
            }

            index = end;
        }

        return false;
    }
}
