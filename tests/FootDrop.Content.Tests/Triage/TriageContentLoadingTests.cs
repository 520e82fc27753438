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

    [Fact]
    public void A_copy_of_the_loaded_vocabulary_with_other_findings_is_read_with_its_own_findings()
    {
        // The detector reuses the patterns the loader compiled only for the very lists they were compiled from.
        var loaded = TriageLoader.LoadVocabulary(RepoPaths.Dialogs);
        var findings = loaded.Findings.Select(f => f.Id == "numbness" ? f with { Phrases = [.. f.Phrases, "zorbly"] } : f).ToList();
        var copy = loaded with { Findings = findings };

        Assert.DoesNotContain(new RedFlagDetector(loaded).Explain("my foot is zorbly").Mentions, m => m.FindingId == "numbness");
        Assert.Contains(new RedFlagDetector(copy).Explain("my foot is zorbly").Mentions, m => m.FindingId == "numbness");
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
        { "finding named like a time the bot reads itself", j => Finding(j, 0)["id"] = "when-recent", "dialogs/redflags.json", "$.findings[0].id", "the finding 'when-recent' is defined twice" },
        { "finding without a phrase or a near pattern", j => { Finding(j, 0).Remove("near"); Finding(j, 0)["phrases"] = new JsonArray(); }, "dialogs/redflags.json", "$.findings[0].phrases", "needs at least one phrase or near pattern" },
        { "rule id used twice", j => Rule(j, 1)["id"] = Rule(j, 0)["id"]!.GetValue<string>(), "dialogs/redflags.json", "$.rules[1].id", "the rule id 'stroke-face-droop' is used twice" },
        { "example without words", j => Rule(j, 0)["examples"]![0] = "?! ...", "dialogs/redflags.json", "$.rules[0].examples[0]", "has no words" },
        { "near miss repeating an example", j => ((JsonArray)Rule(j, 0)["nearMisses"]!).Add(Rule(j, 0)["examples"]![0]!.GetValue<string>()), "dialogs/redflags.json", "$.rules[0].nearMisses[", "repeats the example at $.rules[0].examples[0]" },
        { "unless names an unknown finding", j => Rule(j, 0)["unless"] = new JsonArray("face-drop"), "dialogs/redflags.json", "$.rules[0].unless[0]", "refers to finding 'face-drop', which is not defined" },
        { "all entry is a number", j => Rule(j, 0)["all"]![0] = 3, "dialogs/redflags.json", "$.rules[0].all[0]", "expected a finding id, or a list" },
        { "all entry is an empty list", j => Rule(j, 0)["all"]![0] = new JsonArray(), "dialogs/redflags.json", "$.rules[0].all[0]", "expected a finding id, or a list" },
        { "all entry is a list with a number", j => Rule(j, 0)["all"]![0] = new JsonArray("face-droop", 3), "dialogs/redflags.json", "$.rules[0].all[0]", "expected a finding id, or a list" },
        { "all entry is a list naming an unknown finding", j => Rule(j, 0)["all"]![0] = new JsonArray("face-droop", "face-drop"), "dialogs/redflags.json", "$.rules[0].all[0]", "refers to finding 'face-drop'" },
        { "rule of level routine", j => Rule(j, 0)["level"] = "routine", "dialogs/redflags.json", "$.rules[0].level", "'routine' is not a level; use \"emergency\", \"urgent\" or \"clarify\"." },
        { "clarify question of level clarify", j => ((JsonObject)j["clarify"]![0]!)["levelOnYes"] = "clarify", "dialogs/redflags.json", "$.clarify[0].levelOnYes", "'clarify' is not a level; use \"emergency\" or \"urgent\"." },
        { "two any-emergency questions", j => ((JsonObject)j["clarify"]![1]!)["area"] = "any-emergency", "dialogs/redflags.json", "$.clarify", "only one question may have the area \"any-emergency\"" },
        { "area question without findings", j => ((JsonObject)j["clarify"]![1]!)["when"] = new JsonArray(), "dialogs/redflags.json", "$.clarify[1].when", "must not be empty" },
        { "note names an unknown finding", j => Note(j, 0)["all"]![0] = "sore-calf", "dialogs/redflags.json", "$.notes[0].all[0]", "refers to finding 'sore-calf'" },
        { "note id used twice", j => Note(j, 1)["id"] = Note(j, 0)["id"]!.GetValue<string>(), "dialogs/redflags.json", "$.notes[1].id", "the note id 'ache-after-exercise' is used twice" },
        { "note without text", j => Note(j, 0).Remove("text"), "dialogs/redflags.json", "$.notes[0].text", "missing" },
        { "note standing in for the leg question with a word", j => Note(j, 0)["insteadOfLegQuestion"] = "yes", "dialogs/redflags.json", "$.notes[0].insteadOfLegQuestion", "expected true/false" },
        { "clarify question names an unknown finding", j => ((JsonObject)j["clarify"]![1]!)["when"]![0] = "face-drop", "dialogs/redflags.json", "$.clarify[1].when[0]", "refers to finding 'face-drop'" },
        { "review date not ISO", j => j["reviewedOn"] = "1 Dec 2026", "dialogs/redflags.json", "$.reviewedOn", "must be a date written as YYYY-MM-DD" },
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
        { "long-standing as long as recent", j => j["onset"]!["longStandingDays"] = j["onset"]!["recentDays"]!.GetValue<int>(), "$.onset.longStandingDays", "must be more than recentDays" },
        { "person pattern names an unknown word set", j => ((JsonArray)j["people"]!["others"]!).Add("{nobody}"), "$.people.others", "refers to the word set 'nobody'" },
        { "question pattern names an unknown word set", j => ((JsonArray)j["generalQuestions"]!["starts"]!).Add("{nobody}"), "$.generalQuestions.starts", "refers to the word set 'nobody'" },
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

    [Fact]
    public void A_symptom_check_that_names_an_unknown_gradual_finding_is_rejected()
    {
        var copy = RepoPaths.CopyOfDialogs();
        Edit(Path.Combine(copy, TriageLoader.ScriptFile), j => j["onset"]!["gradualFinding"] = "bit-by-bit");

        var error = Assert.Throws<FootDrop.Content.ContentValidationException>(() => TriageLoader.LoadScript(copy, TriageLoader.LoadVocabulary(copy)));

        Assert.Equal("$.onset.gradualFinding", error.JsonPath);
        Assert.Contains("refers to finding 'bit-by-bit', which is not defined in dialogs/redflags.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symptom_check_that_asks_one_question_twice_is_rejected()
    {
        var copy = RepoPaths.CopyOfDialogs();
        Edit(Path.Combine(copy, TriageLoader.ScriptFile), j => ((JsonObject)j["questions"]![1]!)["id"] = ((JsonObject)j["emergencyScreen"]![0]!)["id"]!.GetValue<string>());

        var error = Assert.Throws<FootDrop.Content.ContentValidationException>(() => TriageLoader.LoadScript(copy));

        Assert.Equal("dialogs/triage.json", error.File);
        Assert.Equal("$.questions", error.JsonPath);
        Assert.Contains("is used twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("redflags.json")]
    [InlineData("context.json")]
    public void A_missing_file_is_named(string fileName)
    {
        var copy = RepoPaths.CopyOfDialogs();
        File.Delete(Path.Combine(copy, fileName));

        var error = Assert.Throws<FootDrop.Content.ContentValidationException>(() => TriageLoader.LoadVocabulary(copy));

        Assert.Equal("dialogs/" + fileName, error.File);
        Assert.Equal("$", error.JsonPath);
        Assert.Contains("the file is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clarify_score_equal_to_the_decide_score_and_an_any_emergency_question_without_findings_are_accepted()
    {
        var copy = RepoPaths.CopyOfDialogs();
        Edit(Path.Combine(copy, TriageLoader.VocabularyFile), j =>
        {
            j["semantic"]!["clarifyAt"] = j["semantic"]!["decideAt"]!.GetValue<double>();
            ((JsonObject)j["clarify"]![0]!)["when"] = new JsonArray();
        });

        var vocabulary = TriageLoader.LoadVocabulary(copy);

        Assert.Equal(vocabulary.Semantic.DecideAt, vocabulary.Semantic.ClarifyAt);
        Assert.Empty(vocabulary.Clarify.Single(q => q.Area == SignArea.AnyEmergency).When);
    }

    [Fact]
    public void Each_field_of_the_files_arrives_where_the_bot_reads_it()
    {
        var redFlags = Json(TriageLoader.VocabularyFile);
        var context = Json(TriageLoader.ContextFile);
        var triage = Json(TriageLoader.ScriptFile);

        var vocabulary = TriageLoader.LoadVocabulary(RepoPaths.Dialogs);
        var script = TriageLoader.LoadScript(RepoPaths.Dialogs, vocabulary);

        var ruleJson = Rule(redFlags, 0);
        var rule = vocabulary.Rules[0];
        Assert.Equal(
            (ruleJson["id"]!.GetValue<string>(), ruleJson["level"]!.GetValue<string>(), ruleJson["area"]!.GetValue<string>(), ruleJson["describes"]!.GetValue<string>()),
            (rule.Id, rule.Level.ToId(), SignAreas.ToId(rule.Area), rule.Describes));
        Assert.Equal(Texts(ruleJson["examples"]), rule.Examples);
        Assert.Equal(Texts(ruleJson["nearMisses"]), rule.NearMisses);
        Assert.Equal(
            (redFlags["version"]!.GetValue<string>(), redFlags["reviewedBy"]!.GetValue<string>(), redFlags["reviewedOn"]!.GetValue<string>()),
            (vocabulary.Review.Version, vocabulary.Review.ReviewedBy, vocabulary.Review.ReviewedOn));
        Assert.Equal(
            (context["onset"]!["recentDays"]!.GetValue<int>(), context["onset"]!["longStandingDays"]!.GetValue<int>()),
            (vocabulary.Context.RecentDays, vocabulary.Context.LongStandingDays));
        Assert.Equal(
            (redFlags["semantic"]!["decideAt"]!.GetValue<double>(), redFlags["semantic"]!["clarifyAt"]!.GetValue<double>(), redFlags["semantic"]!["margin"]!.GetValue<double>(), redFlags["semantic"]!["emergencyHintAt"]!.GetValue<double>()),
            (vocabulary.Semantic.DecideAt, vocabulary.Semantic.ClarifyAt, vocabulary.Semantic.Margin, vocabulary.Semantic.EmergencyHintAt));

        var questionJson = (JsonObject)triage["questions"]![0]!;
        Assert.Equal(
            (questionJson["id"]!.GetValue<string>(), questionJson["ruleId"]!.GetValue<string>(), questionJson["prompt"]!.GetValue<string>(), questionJson["summary"]!.GetValue<string>()),
            (script.Questions[0].Id, script.Questions[0].RuleId, script.Questions[0].Prompt, script.Questions[0].Summary));
        Assert.Equal(triage["onset"]!["recentDays"]!.GetValue<int>(), script.Onset.RecentDays);

        var noteJson = Note(redFlags, 0);
        var note = vocabulary.Notes[0];
        Assert.Equal(
            (noteJson["id"]!.GetValue<string>(), noteJson["describes"]!.GetValue<string>(), noteJson["text"]!.GetValue<string>(), noteJson["within"]!.GetValue<int>(), noteJson["insteadOfLegQuestion"]!.GetValue<bool>()),
            (note.Id, note.Describes, note.Text, note.Within, note.InsteadOfLegQuestion));
        Assert.Equal(noteJson["all"]!.AsArray().Select(g => g is JsonArray a ? Texts(a) : [g!.GetValue<string>()]), note.All);
        Assert.False(vocabulary.Notes[1].InsteadOfLegQuestion);
    }

    [Theory]
    [MemberData(nameof(EveryKindOfObject))]
    public void A_field_the_loader_does_not_know_is_rejected_in_every_kind_of_object(string fileName, string path)
    {
        var copy = RepoPaths.CopyOfDialogs();
        Edit(Path.Combine(copy, fileName), root => ((JsonObject)At(root, path))["surprise"] = 1);

        var error = Assert.Throws<FootDrop.Content.ContentValidationException>(() => TriageLoader.LoadScript(copy, TriageLoader.LoadVocabulary(copy)));

        Assert.Equal("dialogs/" + fileName, error.File);
        Assert.Equal(path + ".surprise", error.JsonPath);
        Assert.Contains("not a known field", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The first object of every list and every nested object of the three files, by path ("$.rules[0]"); the word sets
    /// are left out, since any name is a word set there.
    /// </summary>
    public static TheoryData<string, string> EveryKindOfObject()
    {
        var data = new TheoryData<string, string>();
        foreach (var fileName in new[] { TriageLoader.VocabularyFile, TriageLoader.ContextFile, TriageLoader.ScriptFile })
        {
            var paths = new List<string>();
            Walk(Json(fileName), "$", paths);
            foreach (var path in paths)
            {
                data.Add(fileName, path);
            }
        }

        return data;

        static void Walk(JsonNode? node, string path, List<string> paths)
        {
            if (node is JsonObject obj && path != "$.wordSets")
            {
                paths.Add(path);
                foreach (var (name, child) in obj)
                {
                    Walk(child, path + "." + name, paths);
                }
            }
            else if (node is JsonArray { Count: > 0 } list)
            {
                Walk(list[0], path + "[0]", paths);
            }
        }
    }

    /// <summary>The node at a path written as <see cref="EveryKindOfObject"/> writes it.</summary>
    private static JsonNode At(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (var step in path.Split('.').Skip(1))
        {
            var name = step.EndsWith("[0]", StringComparison.Ordinal) ? step[..^3] : step;
            node = node[name]!;
            if (name != step)
            {
                node = node[0]!;
            }
        }

        return node;
    }

    private static JsonObject Json(string fileName) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Dialogs, fileName)))!.AsObject();

    private static List<string> Texts(JsonNode? array) => array is JsonArray items ? [.. items.Select(i => i!.GetValue<string>())] : [];

    private static JsonObject Rule(JsonObject root, int index) => (JsonObject)root["rules"]![index]!;

    private static JsonObject Finding(JsonObject root, int index) => (JsonObject)root["findings"]![index]!;

    private static JsonObject Note(JsonObject root, int index) => (JsonObject)root["notes"]![index]!;

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
