using FootDrop.Content.Model;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Conversation;

/// <summary>
/// The bot's sentences, from dialogs/messages.json. Every key the code says is listed in <see cref="TextKeys"/>, and the
/// content is checked against that list at start-up.
/// </summary>
public sealed class Texts(ContentCatalog content, IOptions<SafetyOptions> safety)
{
    public string this[string key] => Get(key);

    public string Get(string key, params (string Name, object? Value)[] values)
        => TextCatalog.Fill(content.Texts.Format(key, values), ("emergencyNumber", safety.Value.EmergencyNumber));

    /// <summary>Fills a text that comes from elsewhere in the content (an explanation, a step).</summary>
    public string Fill(string template, params (string Name, object? Value)[] values)
        => TextCatalog.Fill(TextCatalog.Fill(template, values), ("emergencyNumber", safety.Value.EmergencyNumber));

    /// <summary>
    /// Several paragraphs of content (an explanation, a triage outcome) filled in as the text of one message, a blank line
    /// between them: Markdown's paragraph break, which Teams, Web Chat and Emulator all render.
    /// </summary>
    public string FillParagraphs(IEnumerable<string> templates) => string.Join("\n\n", templates.Select(t => Fill(t)));
}
