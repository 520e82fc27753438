using System.Text.Json.Nodes;
using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// A mistake in dialogs/redflags.json, context.json or triage.json stops the start with the file and the JSON path,
/// so a clinician editing the rules, the examples or the context finds it at once.
/// </summary>
public sealed class TriageContentLoadingTests
{
    [Fact]
    public void The_real_files_load_with_their_examples_and_context()
    {
        var vocabulary = TriageLoader.LoadVocabulary(RepoPaths.Dialogs);

        Assert.All(vocabulary.Rules, r => Assert.NotEmpty(r.Examples));
        Assert.Contains(vocabulary.Context.Modifiers, m => m.Category == ContextCategory.Negated);
        Assert.Single(vocabulary.Clarify, q => q.Area == SignArea.AnyEmergency);
        Assert.NotNull(TriageLoader.LoadScript(RepoPaths.Dialogs, vocabulary));
    }

    [Theory]
    [MemberData(nameof(BrokenRedFlags))]
    public void A_broken_red_flag_file_is_rejected_with_its_path(string change, Action<JsonObject> breakIt, string file, string path, string problem)
    {
        _ = change;
        AssertRejected(TriageLoader.VocabularyFile, breakIt, file, path, problem);
    }

    public static TheoryData<string, Action<JsonObject>, string, string, string> BrokenRedFlags() => new()
    {
        { "rule names an unknown finding", j => Rule(j, 0)["all"]![0] = "face-drop", "dialogs/redflags.json", "$.rules[0].all[0]", "refers to finding 'face-drop'" },
        { "pattern names an unknown word set", j => Finding(j, 0)["phrases"]![0] = "{no-such-set} droop", "dialogs/redflags.json", "$.findings[0].phrases[0]", "refers to the word set 'no-such-set'" },
        { "pattern ends with ...", j => Finding(j, 0)["phrases"]![0] = "face ...", "dialogs/redflags.json", "$.findings[0].phrases[0]", "must not end with" },
        { "example repeated in another rule", j => ((JsonArray)Rule(j, 1)["examples"]!).Add(Rule(j, 0)["examples"]![0]!.GetValue<string>()), "dialogs/redflags.json", "$.rules[1].examples", "repeats the example at $.rules[0].examples[0]" },
        { "rule without examples", j => Rule(j, 0)["examples"] = new JsonArray(), "dialogs/redflags.json", "$.rules[0].examples", "must not be empty" },
        { "unknown level", j => Rule(j, 0)["level"] = "soon", "dialogs/redflags.json", "$.rules[0].level", "not a level" },
        { "unknown area", j => Rule(j, 0)["area"] = "knee", "dialogs/redflags.json", "$.rules[0].area", "not an area" },
        { "unknown timing", j => Finding(j, 0)["timing"] = "later", "dialogs/redflags.json", "$.findings[0].timing", "not a timing" },
        { "word set that contains itself", j => ((JsonArray)j["wordSets"]!["foot"]!).Add("{lower-limb}"), "dialogs/redflags.json", "$.wordSets.", "reaches itself" },
        { "finding defined twice", j => Finding(j, 1)["id"] = Finding(j, 0)["id"]!.GetValue<string>(), "dialogs/redflags.json", "$.findings[1].id", "defined twice" },
        { "clarify question names an unknown rule", j => ((JsonObject)j["clarify"]![0]!)["ruleIdOnYes"] = "no-such-rule", "dialogs/redflags.json", "$.clarify[0].ruleIdOnYes", "no-such-rule" },
        { "clarifyAt above decideAt", j => j["semantic"]!["clarifyAt"] = 0.95, "dialogs/redflags.json", "$.semantic.clarifyAt", "must not be above decideAt" },
        { "misspelt field", j => Rule(j, 0)["exampels"] = new JsonArray("x"), "dialogs/redflags.json", "$.rules[0].exampels", "not a known field" },
    };

    [Theory]
    [MemberData(nameof(BrokenContext))]
    public void A_broken_context_file_is_rejected_with_its_path(string change, Action<JsonObject> breakIt, string path, string problem)
    {
        _ = change;
        AssertRejected(TriageLoader.ContextFile, breakIt, "dialogs/context.json", path, problem);
    }

    public static TheoryData<string, Action<JsonObject>, string, string> BrokenContext() => new()
    {
        { "unknown category", j => ((JsonObject)j["modifiers"]![0]!)["category"] = "doubtful", "$.modifiers[0].category", "not a category" },
        { "unknown direction", j => ((JsonObject)j["modifiers"]![0]!)["direction"] = "sideways", "$.modifiers[0].direction", "not a direction" },
        { "pattern names an unknown word set", j => ((JsonArray)((JsonObject)j["modifiers"]![0]!)["phrases"]!).Add("{nobody}"), "$.modifiers[0].phrases", "refers to the word set 'nobody'" },
        { "long-standing not longer than recent", j => j["onset"]!["longStandingDays"] = 10, "$.onset.longStandingDays", "must be more than recentDays" },
    };

    [Fact]
    public void A_symptom_check_that_names_an_unknown_onset_finding_is_rejected()
    {
        var copy = RepoPaths.CopyOfDialogs();
        Edit(Path.Combine(copy, TriageLoader.ScriptFile), j => j["onset"]!["suddenFinding"] = "out-of-the-blue");

        var error = Assert.Throws<FootDrop.Content.ContentValidationException>(() => TriageLoader.LoadScript(copy, TriageLoader.LoadVocabulary(copy)));

        Assert.Equal("dialogs/triage.json", error.File);
        Assert.Equal("$.onset.suddenFinding", error.JsonPath);
    }

    private static JsonObject Rule(JsonObject root, int index) => (JsonObject)root["rules"]![index]!;

    private static JsonObject Finding(JsonObject root, int index) => (JsonObject)root["findings"]![index]!;

    private static void AssertRejected(string fileName, Action<JsonObject> breakIt, string file, string path, string problem)
    {
        var copy = RepoPaths.CopyOfDialogs();
        Edit(Path.Combine(copy, fileName), breakIt);

        var error = Assert.Throws<FootDrop.Content.ContentValidationException>(() => TriageLoader.LoadVocabulary(copy));

        Assert.Equal(file, error.File);
        Assert.StartsWith(path, error.JsonPath, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static void Edit(string path, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(root);
        File.WriteAllText(path, root.ToJsonString());
    }
}
