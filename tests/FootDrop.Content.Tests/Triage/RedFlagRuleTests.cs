using System.Reflection;
using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>One test per rule of dialogs/redflags.json, named after its id (dashes as underscores).</summary>
public sealed class RedFlagRuleTests
{
    private static readonly RedFlagDetector Detector = new(TriageLoader.LoadVocabulary(RepoPaths.Dialogs));

    [Fact]
    public void Every_rule_in_the_file_has_a_test_named_after_it()
    {
        var tested = typeof(RedFlagRuleTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => m.Name)
            .Where(n => n.StartsWith("Rule_", StringComparison.Ordinal))
            .Select(n => n["Rule_".Length..].Replace('_', '-'))
            .ToHashSet();
        var untested = Detector.Vocabulary.Rules.Select(r => r.Id).Where(id => !tested.Contains(id)).ToList();

        Assert.True(untested.Count == 0, "rules without a test: " + string.Join(", ", untested));
    }

    [Fact]
    public void Rule_stroke_face_droop() => AssertFires("stroke-face-droop", CareLevel.Emergency, "one side of my face is drooping");

    [Fact]
    public void Rule_stroke_arm_weakness() => AssertFires("stroke-arm-weakness", CareLevel.Emergency, "my left arm has gone weak");

    [Fact]
    public void Rule_stroke_speech() => AssertFires("stroke-speech", CareLevel.Emergency, "my speech is slurred");

    [Fact]
    public void Rule_stroke_vision() => AssertFires("stroke-vision", CareLevel.Emergency, "I have double vision");

    [Fact]
    public void Rule_stroke_sudden_balance() => AssertFires("stroke-sudden-balance", CareLevel.Emergency, "I suddenly keep falling over");

    [Fact]
    public void Rule_stroke_sudden_balance_phrase() => AssertFires("stroke-sudden-balance-phrase", CareLevel.Emergency, "sudden loss of balance");

    [Fact]
    public void Rule_cauda_equina_bladder_bowel() => AssertFires("cauda-equina-bladder-bowel", CareLevel.Emergency, "I can't control my bladder");

    [Fact]
    public void Rule_cauda_equina_saddle_numbness() => AssertFires("cauda-equina-saddle-numbness", CareLevel.Emergency, "it's numb between my legs");

    [Fact]
    public void Rule_both_legs_weak_or_numb() => AssertFires("both-legs-weak-or-numb", CareLevel.Emergency, "both my legs feel weak");

    [Fact]
    public void Rule_sudden_foot_weakness() => AssertFires("sudden-foot-weakness", CareLevel.Urgent, "my foot went floppy out of nowhere");

    [Fact]
    public void Rule_recent_foot_weakness() => AssertFires("recent-foot-weakness", CareLevel.Urgent, "my foot went floppy last night");

    [Fact]
    public void Rule_sudden_weakness_described() => AssertFires("sudden-weakness-described", CareLevel.Urgent, "all of a sudden my ankle feels floppy");

    [Fact]
    public void Rule_recent_weakness_described() => AssertFires("recent-weakness-described", CareLevel.Urgent, "my ankle started feeling weak yesterday");

    [Fact]
    public void Rule_new_numbness_or_tingling() => AssertFires("new-numbness-or-tingling", CareLevel.Urgent, "pins and needles in my toes");

    [Fact]
    public void Rule_radiating_leg_pain() => AssertFires("radiating-leg-pain", CareLevel.Urgent, "pain shooting down my leg");

    [Fact]
    public void Rule_balance_or_walking_trouble() => AssertFires("balance-or-walking-trouble", CareLevel.Urgent, "I keep falling over");

    [Fact]
    public void Rule_sharp_pain() => AssertFires("sharp-pain", CareLevel.Urgent, "a sharp pain in my ankle");

    [Fact]
    public void Rule_dizziness() => AssertFires("dizziness", CareLevel.Urgent, "I feel dizzy");

    [Fact]
    public void Rule_getting_worse() => AssertFires("getting-worse", CareLevel.Urgent, "my foot is getting worse");

    [Fact]
    public void Rule_recent_injury_or_operation() => AssertFires("recent-injury-or-operation", CareLevel.Urgent, "since my operation my foot drags");

    private static void AssertFires(string ruleId, CareLevel atLeast, string message)
    {
        var result = Detector.Detect(message);

        Assert.Contains(ruleId, result.RuleIds);
        Assert.True(result.Level >= atLeast, $"{message}: {result.Level}");
    }
}
