using System.ComponentModel.DataAnnotations;

namespace FootDrop.Bot.Conversation;

/// <summary>Deployment-specific safety settings (section <c>Safety</c>).</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>
    /// How the emergency number is said. A deployment sets its own ("999" in the UK, "911" in the US); the default
    /// names the common ones, because the bot cannot know where the user is.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string EmergencyNumber { get; set; } = "your local emergency number (911 in the US and Canada, 999 in the UK, 112 in the EU, 000 in Australia)";

    /// <summary>A pain score at or above this (0 to 10) after an exercise stops the session.</summary>
    [Range(1, 10)]
    public int PainStopThreshold { get; set; } = 5;

    /// <summary>Messages longer than this are checked for warning signs only, then the user is asked to be brief.</summary>
    [Range(100, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;
}
