using Newtonsoft.Json;

namespace FootDrop.Bot.Conversation;

/// <summary>
/// What the bot keeps about a user across conversations: only what a feature needs. No message text is stored.
/// </summary>
public sealed class UserProfile
{
    /// <summary>Finished sessions older than this many are dropped: enough for the week's count and the streak.</summary>
    public const int MaxSessions = 120;

    /// <summary>"left", "right" or "both", asked once for the exercise instructions.</summary>
    [JsonProperty("side")]
    public string? Side { get; set; }

    /// <summary>The outcome of the last symptom check, so exercises can ask the right safety question.</summary>
    [JsonProperty("lastTriage")]
    public TriageRecord? LastTriage { get; set; }

    [JsonProperty("sessions")]
    public List<SessionRecord> Sessions { get; set; } = [];

    public void AddSession(SessionRecord session)
    {
        Sessions.Add(session);
        if (Sessions.Count > MaxSessions)
        {
            Sessions.RemoveRange(0, Sessions.Count - MaxSessions);
        }
    }
}

public sealed class TriageRecord
{
    [JsonProperty("level")]
    public string Level { get; set; } = string.Empty;

    [JsonProperty("on")]
    public DateTimeOffset On { get; set; }

    /// <summary>When the user last said a clinician has seen them (asked before exercises after an urgent outcome).</summary>
    [JsonProperty("clinicianSeenOn", NullValueHandling = NullValueHandling.Ignore)]
    public DateTimeOffset? ClinicianSeenOn { get; set; }

    /// <summary>The outcome said to get care (urgent or emergency) and nobody has told the bot a clinician has seen them since.</summary>
    [JsonIgnore]
    public bool AwaitsClinician => Level is "urgent" or "emergency" && !(ClinicianSeenOn >= On);
}

/// <summary>One finished (or stopped) exercise session.</summary>
public sealed class SessionRecord
{
    [JsonProperty("date")]
    public DateOnly Date { get; set; }

    [JsonProperty("exercises")]
    public List<string> Exercises { get; set; } = [];

    [JsonProperty("sets")]
    public int Sets { get; set; }

    [JsonProperty("maxPain")]
    public int? MaxPain { get; set; }
}
