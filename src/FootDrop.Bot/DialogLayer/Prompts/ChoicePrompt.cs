using System.Globalization;
using FootDrop.Content.Text;
using FootDrop.Bot.Recognition;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.DialogLayer.Prompts;

/// <summary>
/// Asks the user to pick one of a list. Accepts a choice's title, its value, its number in the list, a synonym from the
/// content, a sentence that names exactly one choice, or a card submit (<c>activity.value</c> with empty text).
/// </summary>
public sealed class ChoicePrompt(string id) : Prompt<FoundChoice>(id)
{
    protected override PromptRecognition<FoundChoice> Recognize(Activity activity, PromptOptions options)
    {
        var choices = options.Choices ?? [];
        var found = RecognizeChoice(activity, choices);
        return found is null ? PromptRecognition<FoundChoice>.Failed : PromptRecognition<FoundChoice>.Success(found);
    }

    public static FoundChoice? RecognizeChoice(Activity activity, IReadOnlyList<Choice> choices)
    {
        if (CardSubmitValue(activity) is { } submitted)
        {
            var index = IndexOf(choices, c => string.Equals(c.Value, submitted, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return new FoundChoice(choices[index].Value, index);
            }
        }

        return RecognizeText(activity.Text, choices);
    }

    public static FoundChoice? RecognizeText(string? text, IReadOnlyList<Choice> choices) => RecognizeText(text, choices, allowPartial: true);

    /// <summary>
    /// Recognises a choice in text; with <paramref name="allowPartial"/> false only a whole-message match counts
    /// (title, value, synonym or number), for free text that other recognisers should read first.
    /// </summary>
    public static FoundChoice? RecognizeText(string? text, IReadOnlyList<Choice> choices, bool allowPartial)
    {
        var normalized = TextNormalizer.Canonical(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        // Exact title, value or synonym first.
        var exact = IndexOf(choices, c => Names(c).Any(n => n == normalized));
        if (exact >= 0)
        {
            return new FoundChoice(choices[exact].Value, exact);
        }

        // "2", "#2", "number 2", "option 2".
        var digits = normalized.StartsWith("number ", StringComparison.Ordinal) ? normalized[7..]
            : normalized.StartsWith("option ", StringComparison.Ordinal) ? normalized[7..]
            : normalized;
        if (int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= choices.Count)
        {
            return new FoundChoice(choices[position - 1].Value, position - 1);
        }

        if (!allowPartial)
        {
            return null;
        }

        // A sentence naming exactly one choice ("I'd like the exercises please"); the longest name wins a tie of overlaps.
        var best = -1;
        var bestLength = 0;
        var ambiguous = false;
        for (var i = 0; i < choices.Count; i++)
        {
            var length = Names(choices[i]).Where(n => TextNormalizer.ContainsPhrase(normalized, n)).Select(n => n.Length).DefaultIfEmpty(0).Max();
            if (length > bestLength)
            {
                best = i;
                bestLength = length;
                ambiguous = false;
            }
            else if (length > 0 && length == bestLength)
            {
                ambiguous = true;
            }
        }

        return best >= 0 && !ambiguous ? new FoundChoice(choices[best].Value, best) : null;
    }

    /// <summary>The value posted by an Adaptive Card <c>Action.Submit</c> or a Teams <c>messageBack</c>.</summary>
    public static string? CardSubmitValue(Activity activity) => activity.Value switch
    {
        JObject data => Scalar(data["choice"]) ?? Scalar(data["value"]),
        string text => text,
        _ => null,
    };

    // The client writes the submit's data: a choice that is an object or a list is no choice, not a reason to fail the turn.
    private static string? Scalar(JToken? token)
        => token is JValue { Type: JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } value
            ? Convert.ToString(value.Value, CultureInfo.InvariantCulture)
            : null;

    private static IEnumerable<string> Names(Choice choice)
        => new[] { choice.Title, choice.Value }.Concat(choice.Synonyms).Select(TextNormalizer.Canonical).Where(n => n.Length > 0);

    private static int IndexOf(IReadOnlyList<Choice> choices, Func<Choice, bool> predicate)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (predicate(choices[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
