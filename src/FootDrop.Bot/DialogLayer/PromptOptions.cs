using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FootDrop.Bot.DialogLayer;

/// <summary>What a prompt asks, how it asks again, and how many tries it gives before it lets the caller take over.</summary>
public sealed class PromptOptions
{
    public const int DefaultMaxAttempts = 3;

    [JsonProperty("prompt")]
    public Activity? Prompt { get; set; }

    [JsonProperty("retryPrompt")]
    public Activity? RetryPrompt { get; set; }

    [JsonProperty("choices")]
    public List<Choice>? Choices { get; set; }

    /// <summary>
    /// After this many unrecognised answers the prompt ends with a null result, and the calling step decides the
    /// graceful way out (the menu, or in triage, counting the answer as "not sure").
    /// </summary>
    [JsonProperty("maxAttempts")]
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;
}

/// <summary>One option of a choice prompt: the value returned, the button title, and other words that pick it.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, string title, IEnumerable<string>? synonyms = null)
    {
        Value = value;
        Title = title;
        Synonyms = synonyms?.ToList() ?? [];
    }

    [JsonProperty("value")]
    public string Value { get; set; } = string.Empty;

    [JsonProperty("title")]
    public string Title { get; set; } = string.Empty;

    [JsonProperty("synonyms")]
    public List<string> Synonyms { get; set; } = [];

    /// <summary>Newtonsoft's convention: a choice without synonyms stores none.</summary>
    public bool ShouldSerializeSynonyms() => Synonyms.Count > 0;
}

/// <summary>The choice a user picked.</summary>
public sealed record FoundChoice(string Value, int Index);
