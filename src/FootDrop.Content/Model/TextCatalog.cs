using System.Text;

namespace FootDrop.Content.Model;

/// <summary>
/// The bot's sentences by key, with <c>{name}</c> placeholders filled at the moment they are said.
/// Which keys must exist and which placeholders are known is decided by the code that says them, and checked at load.
/// </summary>
public sealed class TextCatalog(IReadOnlyDictionary<string, string> texts)
{
    public IReadOnlyDictionary<string, string> All => texts;

    public string this[string key] => Get(key);

    public string Get(string key) => texts.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"No text '{key}' in dialogs/messages.json.");

    public string Format(string key, params (string Name, object? Value)[] values) => Fill(Get(key), values);

    /// <summary>Fills placeholders in any content text (a step, a section message).</summary>
    public static string Fill(string template, params (string Name, object? Value)[] values)
    {
        if (values.Length == 0 || template.IndexOf('{') < 0)
        {
            return template;
        }

        var builder = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>The placeholder names a text uses.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        var start = template.IndexOf('{');
        while (start >= 0)
        {
            var end = template.IndexOf('}', start + 1);
            if (end < 0)
            {
                yield break;
            }

            yield return template[(start + 1)..end];
            start = template.IndexOf('{', end + 1);
        }
    }
}
