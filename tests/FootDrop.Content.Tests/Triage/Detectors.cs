using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// Detectors built from the real dialogs/ files: one with the rules alone, one with the sentence model (loaded once
/// per test run), both on a clock fixed at an evening, so "this morning" is always in the past.
/// </summary>
public static class Detectors
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<RedFlagVocabulary> SharedVocabulary = new(() => TriageLoader.LoadVocabulary(RepoPaths.Dialogs));

    private static readonly Lazy<RedFlagDetector> Rules = new(() => new RedFlagDetector(Vocabulary, new FixedClock(Now)));

    private static readonly Lazy<RedFlagDetector> WithModel = new(() =>
    {
        var semantic = new SemanticReader(() => MiniLmSentenceEmbedder.Shared, SemanticExamples.From(Vocabulary), Path.Combine(Path.GetTempPath(), "footdrop-semantic-cache"));
        semantic.WhenReady.GetAwaiter().GetResult();
        return new RedFlagDetector(Vocabulary, new FixedClock(Now), semantic);
    });

    public static RedFlagVocabulary Vocabulary => SharedVocabulary.Value;

    /// <summary>The rules and context alone, as the bot reads while the model is still loading.</summary>
    public static RedFlagDetector RulesOnly => Rules.Value;

    /// <summary>Rules, context and the sentence model, as the bot reads once started.</summary>
    public static RedFlagDetector Full => WithModel.Value;
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
